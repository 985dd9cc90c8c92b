package darwin.trainer.measure;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A small JSON file of calibrated figures of this machine, one positive number per key
 * ({@code <machine key>|<device>}), in {@code ~/.cache/darwin/}: the peak FLOP/s
 * ({@link PeakCalibration}) and the reference program's training throughput. A cache is an
 * optimisation: a file that is missing, damaged or cannot be written means calibrating again.
 */
public final class CalibrationCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    /** @param file the cache file; {@code null} for no cache */
    public CalibrationCache(Path file) {
        this.file = file;
    }

    /** {@code $XDG_CACHE_HOME/darwin/<name>} or {@code ~/.cache/darwin/<name>}. */
    public static Path defaultFile(String name) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("darwin").resolve(name);
    }

    /** The key of a figure of {@code device} on the machine {@code machineKey} names. */
    public static String key(Device device, String machineKey) {
        return machineKey + "|" + device;
    }

    /** The cached figure under {@code key}, or 0 when there is none (or it is not a positive number). */
    public double get(String key) {
        JsonNode node = read().get(key);
        return node != null && node.isNumber() && node.asDouble() > 0 ? node.asDouble() : 0;
    }

    /** Caches {@code value} under {@code key} and returns it. */
    public double put(String key, double value) {
        ObjectNode cache = read();
        cache.put(key, value);
        write(cache);
        return value;
    }

    private ObjectNode read() {
        if (file == null || !Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(file.toFile()) instanceof ObjectNode node ? node : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode(); // a damaged cache is recalibrated and rewritten
        }
    }

    private void write(ObjectNode cache) {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), cache);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // the cache is an optimisation: without it the next run calibrates again
        }
    }
}
