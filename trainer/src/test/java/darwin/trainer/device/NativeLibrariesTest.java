package darwin.trainer.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.util.Utils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {

    @Test
    void theLibrariesAreExpectedWhereTheEngineLoadedThemFrom() throws IOException {
        Engines.load();
        Path cache = Utils.getEngineCacheDir().toAbsolutePath();
        assertTrue(NativeLibraries.presentIn(cache), "the engine has extracted its libraries into " + cache);
        List<Path> expected = NativeLibraries.expectedFiles(cache).orElseThrow();
        String maps = Files.readString(Path.of("/proc/self/maps"));
        for (String library : List.of("libtorch_cpu.so", "libc10.so", "libdjl_torch.so")) {
            Path file = expected.stream().filter(p -> p.getFileName().toString().endsWith(library)).findFirst()
                    .orElseThrow(() -> new AssertionError(library + " is not among " + expected));
            assertTrue(maps.contains(file.toRealPath().toString()), "this process mapped " + file);
        }
    }

    @Test
    void aCacheWithoutEveryLibraryIsNotReady(@TempDir Path cache) throws IOException {
        assertFalse(NativeLibraries.presentIn(cache), "an empty cache");
        List<Path> expected = NativeLibraries.expectedFiles(cache).orElseThrow();
        Files.createDirectories(expected.getFirst().getParent());
        for (Path file : expected.subList(0, expected.size() - 1)) {
            Files.createFile(file);
        }
        assertFalse(NativeLibraries.presentIn(cache), "the JNI library is missing");
        Files.createDirectory(expected.getLast());
        assertFalse(NativeLibraries.presentIn(cache), "a folder where a library should be");
        Files.delete(expected.getLast());
        Files.createFile(expected.getLast());
        assertTrue(NativeLibraries.presentIn(cache));
    }

    @Test
    void aParentWithACachedPeakAndExtractedLibrariesLeavesTheEngineUnloaded(@TempDir Path dir) throws Exception {
        Engines.load(); // makes sure the libraries are extracted
        Path out = dir.resolve("probe.txt");
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EngineFreeProbe.class.getName(), dir.toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("probe.log").toFile()).start();
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the probe ended");
        assertEquals(0, probe.exitValue(), Files.readString(dir.resolve("probe.log")));
        List<String> lines = Files.readAllLines(out);
        assertEquals("peak 1.25E11", lines.get(0), "the cached peak");
        assertEquals("device cpu()-2t", lines.get(1));
        assertEquals("libtorch mapped false", lines.get(2), "no engine was loaded to find them");
    }
}
