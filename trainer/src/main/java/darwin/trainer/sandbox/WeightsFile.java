package darwin.trainer.sandbox;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Trained weights on their way from the training process to the scoring process: a small binary
 * file of named float32 arrays. The format is darwin's own, so that reading it needs nothing a
 * variant could have changed: a magic number and version, the count, then for each array its
 * name, rank, dimensions and values (big-endian).
 */
public final class WeightsFile {

    private static final int MAGIC = 0x44575731; // "DWW1"
    private static final int MAX_ARRAYS = 100_000;

    private WeightsFile() {}

    /**
     * Writes the arrays, converted to float32, in map order, and returns the bytes written (so that
     * the caller can hash what it wrote rather than what the file holds later).
     */
    public static byte[] write(Map<String, NDArray> arrays, Path file) throws IOException {
        byte[] bytes = encode(arrays);
        Files.write(file, bytes);
        return bytes;
    }

    /** The file's bytes for the arrays. */
    public static byte[] encode(Map<String, NDArray> arrays) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(buffer, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(arrays.size());
            for (Map.Entry<String, NDArray> entry : arrays.entrySet()) {
                NDArray array = entry.getValue();
                out.writeUTF(entry.getKey());
                long[] shape = array.getShape().getShape();
                out.writeInt(shape.length);
                for (long dimension : shape) {
                    out.writeLong(dimension);
                }
                float[] values = array.toType(DataType.FLOAT32, false).toFloatArray();
                // one bulk conversion, not a call per value: this runs once in a fresh JVM, before
                // the JIT has compiled anything
                ByteBuffer raw = ByteBuffer.allocate(Math.multiplyExact(values.length, Float.BYTES));
                raw.asFloatBuffer().put(values);
                out.write(raw.array());
            }
        }
        return buffer.toByteArray();
    }

    /** Reads every array's name, shape and values. */
    public static SequencedMap<String, Tensor> read(Path file) throws IOException {
        SequencedMap<String, Tensor> arrays = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a weights file");
            }
            int count = in.readInt();
            if (count < 0 || count > MAX_ARRAYS) {
                throw new IOException(file + " claims " + count + " arrays");
            }
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int rank = in.readInt();
                if (rank < 0 || rank > 16) {
                    throw new IOException("array " + name + " claims rank " + rank);
                }
                long[] shape = new long[rank];
                for (int d = 0; d < rank; d++) {
                    shape[d] = in.readLong();
                }
                long size = new Shape(shape).size();
                if (size < 0 || size > (Integer.MAX_VALUE - 8) / Float.BYTES) {
                    throw new IOException("array " + name + " claims " + size + " values");
                }
                int bytes = (int) size * Float.BYTES;
                byte[] raw = in.readNBytes(bytes); // grows as it reads: a false size cannot claim memory
                if (raw.length < bytes) {
                    throw new EOFException();
                }
                float[] values = new float[(int) size];
                ByteBuffer.wrap(raw).asFloatBuffer().get(values);
                arrays.put(name, new Tensor(new Shape(shape), values));
            }
        } catch (EOFException e) {
            throw new IOException(file + " ends too early", e);
        }
        return arrays;
    }

    /**
     * Copies trained values into a fresh model's parameters, which must have exactly the same
     * names and shapes.
     *
     * @throws IllegalArgumentException naming the first mismatch
     */
    public static void load(Map<String, Tensor> trained, Map<String, NDArray> parameters) {
        if (!trained.keySet().equals(parameters.keySet())) {
            throw new IllegalArgumentException("the trained model has parameters " + trained.keySet()
                    + " but newModel built " + parameters.keySet());
        }
        for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
            Tensor values = trained.get(entry.getKey());
            NDArray parameter = entry.getValue();
            if (!parameter.getShape().equals(values.shape())) {
                throw new IllegalArgumentException("parameter " + entry.getKey() + " was trained with shape "
                        + values.shape() + " but newModel built it with shape " + parameter.getShape());
            }
            if (parameter.getDataType() != DataType.FLOAT32) {
                throw new IllegalArgumentException("parameter " + entry.getKey() + " is " + parameter.getDataType()
                        + "; darwin trains in float32");
            }
            parameter.set(values.values());
        }
    }

    /** One array read back: its shape and values. */
    public record Tensor(Shape shape, float[] values) {
        public Tensor {
            if (shape.size() != values.length) {
                throw new IllegalArgumentException("shape " + shape + " does not hold " + values.length + " values");
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Tensor t && shape.equals(t.shape) && Arrays.equals(values, t.values);
        }

        @Override
        public int hashCode() {
            return shape.hashCode() * 31 + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Tensor" + shape;
        }
    }
}
