package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import darwin.trainer.device.Engines;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsFileTest {

    @TempDir
    Path dir;

    @Test
    void arraysComeBackWithTheirNamesShapesAndExactValues() throws IOException {
        Engines.load();
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] odd = {1.5f, -0.0f, Float.MIN_VALUE, -3.25e7f, Float.MAX_VALUE, 1e-30f};
            SequencedMap<String, NDArray> arrays = new LinkedHashMap<>();
            arrays.put("wte", manager.randomNormal(new Shape(65, 16)));
            arrays.put("h.0.ln_1.weight", manager.create(odd));
            arrays.put("scalar", manager.create(2.5f));
            Path file = dir.resolve("weights.bin");

            byte[] written = WeightsFile.write(arrays, file);

            assertArrayEquals(written, Files.readAllBytes(file), "the bytes returned are the bytes in the file");
            SequencedMap<String, WeightsFile.Tensor> read = WeightsFile.read(file);
            assertEquals(List.copyOf(arrays.keySet()), List.copyOf(read.keySet()), "names in order");
            for (Map.Entry<String, NDArray> entry : arrays.entrySet()) {
                WeightsFile.Tensor tensor = read.get(entry.getKey());
                assertEquals(entry.getValue().getShape(), tensor.shape(), entry.getKey());
                float[] expected = entry.getValue().toFloatArray();
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(tensor.values()[i]),
                            entry.getKey() + "[" + i + "] bit for bit");
                }
            }

            try (NDManager fresh = NDManager.newBaseManager()) {
                Map<String, NDArray> parameters = new LinkedHashMap<>();
                arrays.forEach((name, array) -> parameters.put(name, fresh.zeros(array.getShape())));
                WeightsFile.load(read, parameters);
                assertArrayEquals(odd, parameters.get("h.0.ln_1.weight").toFloatArray());
            }
        }
    }

    @Test
    void valuesAreBigEndianFloat32AfterTheHeader() throws IOException {
        Engines.load();
        try (NDManager manager = NDManager.newBaseManager()) {
            byte[] bytes = WeightsFile.encode(Map.of("w", manager.create(new float[] {1f, -2f})));
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(expected)) {
                header(out, "w", 2);
                out.writeFloat(1f);
                out.writeFloat(-2f);
            }
            assertArrayEquals(expected.toByteArray(), bytes);
        }
    }

    @Test
    void aTruncatedFileIsRejected() throws IOException {
        Engines.load();
        try (NDManager manager = NDManager.newBaseManager()) {
            byte[] bytes = WeightsFile.encode(Map.of("w", manager.randomNormal(new Shape(10, 10))));
            Path file = Files.write(dir.resolve("short.bin"), Arrays.copyOf(bytes, bytes.length - 3));
            IOException e = assertThrows(IOException.class, () -> WeightsFile.read(file));
            assertTrue(e.getMessage().contains("ends too early"), e.getMessage());
        }
    }

    @Test
    void aFileThatClaimsAHugeArrayIsRejectedWithoutAllocatingIt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            header(out, "w", 1L << 20, 1L << 20);
        }
        Path file = Files.write(dir.resolve("huge.bin"), bytes.toByteArray());
        IOException e = assertThrows(IOException.class, () -> WeightsFile.read(file));
        assertTrue(e.getMessage().contains("claims"), e.getMessage());

        bytes.reset();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            header(out, "w", 400_000_000L); // allowed in size, but the file holds none of it
        }
        Path lying = Files.write(dir.resolve("lying.bin"), bytes.toByteArray());
        IOException short_ = assertThrows(IOException.class, () -> WeightsFile.read(lying));
        assertTrue(short_.getMessage().contains("ends too early"), short_.getMessage());
    }

    @Test
    void aFileOfAnotherKindIsRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("text.bin"), "not weights at all");
        IOException e = assertThrows(IOException.class, () -> WeightsFile.read(file));
        assertTrue(e.getMessage().contains("not a weights file"), e.getMessage());
    }

    /** The file's header for one array, as WeightsFile writes it: magic, count, name, rank, dimensions. */
    private static void header(DataOutputStream out, String name, long... shape) throws IOException {
        out.writeInt(0x44575731);
        out.writeInt(1);
        out.writeUTF(name);
        out.writeInt(shape.length);
        for (long dimension : shape) {
            out.writeLong(dimension);
        }
    }
}
