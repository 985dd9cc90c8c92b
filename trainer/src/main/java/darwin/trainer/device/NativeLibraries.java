package darwin.trainer.device;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Whether DJL has already extracted the engine's native libraries into its cache, so that a
 * process can point children at them without loading the engine itself.
 *
 * <p>The {@code pytorch-native-cpu} jar describes its libraries in
 * {@code native/lib/pytorch.properties} ({@code version}, {@code flavor}, {@code classifier},
 * {@code libraries}); DJL extracts them into {@code <cache>/pytorch/<version>-<flavor>-<classifier>/},
 * beside its own JNI library, named {@code <DJL version>-libdjl_torch.so}. Each file is moved into
 * place whole once written. Anything unexpected (no such resource, another layout, a missing file)
 * answers "not present", and the caller loads the engine, which extracts them as before.
 */
final class NativeLibraries {

    private static final String DESCRIPTION = "native/lib/pytorch.properties";

    private NativeLibraries() {}

    /** True when every native library the engine loads is in {@code cache}, as DJL lays them out. */
    static boolean presentIn(Path cache) {
        return expectedFiles(cache).map(files -> files.stream().allMatch(Files::isRegularFile)).orElse(false);
    }

    /** The files DJL would load from {@code cache}; empty when the native jar does not say. */
    static Optional<List<Path>> expectedFiles(Path cache) {
        Properties description = new Properties();
        try (InputStream in = NativeLibraries.class.getClassLoader().getResourceAsStream(DESCRIPTION)) {
            if (in == null) {
                return Optional.empty();
            }
            description.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String version = description.getProperty("version", "");
        String flavor = description.getProperty("flavor", "");
        String classifier = description.getProperty("classifier", "");
        String libraries = description.getProperty("libraries", "");
        if (version.isBlank() || flavor.isBlank() || classifier.isBlank() || libraries.isBlank()) {
            return Optional.empty();
        }
        Path folder = cache.resolve("pytorch").resolve(version + "-" + flavor + "-" + classifier);
        List<Path> files = new ArrayList<>();
        for (String library : libraries.split(",")) {
            if (!library.isBlank()) {
                files.add(folder.resolve(library.strip()));
            }
        }
        files.add(folder.resolve(Engine.getDjlVersion() + "-" + System.mapLibraryName("djl_torch")));
        return Optional.of(List.copyOf(files));
    }
}
