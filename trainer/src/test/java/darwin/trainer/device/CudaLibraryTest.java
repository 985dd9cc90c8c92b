package darwin.trainer.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CudaLibraryTest {

    @TempDir
    Path dir;

    private Path libtorchIn(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("libtorch.so"), "");
        return folder;
    }

    @Test
    void theUsersLibraryPathWinsAndItsSitePackagesAreReadable() throws IOException {
        Path lib = libtorchIn(dir.resolve("venv/site-packages/torch/lib"));
        libtorchIn(CudaLibrary.downloadFolder(dir.resolve("cache")));
        CudaLibrary library = CudaLibrary.find(Map.of("PYTORCH_LIBRARY_PATH", "/nowhere:" + lib, "PYTORCH_FLAVOR", "cu128"),
                dir.resolve("cache")).orElseThrow();
        assertEquals(CudaLibrary.Source.USER, library.source());
        assertEquals(lib, library.folder());
        assertEquals(List.of(lib, dir.resolve("venv/site-packages")), library.readOnlyPaths());
        assertEquals(Map.of("PYTORCH_LIBRARY_PATH", lib.toString(), "PYTORCH_FLAVOR", "cu128", "PYTORCH_VERSION", "2.7.1"),
                library.environment());
    }

    @Test
    void withoutALibraryPathDjlsDownloadIsUsed() throws IOException {
        Path cached = libtorchIn(CudaLibrary.downloadFolder(dir));
        assertEquals(dir.resolve("pytorch/2.7.1-cu128-linux-x86_64"), cached);
        CudaLibrary library = CudaLibrary.find(Map.of(), dir).orElseThrow();
        assertEquals(CudaLibrary.Source.DJL_CACHE, library.source());
        assertEquals(List.of(cached), library.readOnlyPaths());
    }

    @Test
    void nothingFoundIsEmpty() {
        assertEquals(Optional.empty(), CudaLibrary.find(Map.of(), dir));
    }

    @Test
    void aLibraryPathWithoutLibtorchIsAClearError() {
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> CudaLibrary.find(Map.of("PYTORCH_LIBRARY_PATH", dir.toString(), "PYTORCH_FLAVOR", "cu128"), dir));
        assertTrue(e.getMessage().contains("holds no libtorch.so"), e.getMessage());
    }

    @Test
    void aLibraryPathWithoutACudaFlavorIsAClearError() throws IOException {
        Path lib = libtorchIn(dir.resolve("lib"));
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> CudaLibrary.find(Map.of("PYTORCH_LIBRARY_PATH", lib.toString()), dir));
        assertTrue(e.getMessage().contains("set PYTORCH_FLAVOR=cu128"), e.getMessage());
    }

    @Test
    void theDownloadLoaderHidesOnlyTheBundledLibrarysDescription() throws IOException {
        Path jar = dir.resolve("classes");
        Files.createDirectories(jar.resolve("native/lib"));
        Files.writeString(jar.resolve("native/lib/pytorch.properties"), "flavor=cpu");
        Files.writeString(jar.resolve("native/lib/other.properties"), "x=1");
        try (URLClassLoader bundled = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ClassLoader hiding = new CudaDownload.WithoutBundledLibtorch(bundled);
            assertTrue(bundled.getResource("native/lib/pytorch.properties") != null);
            assertEquals(null, hiding.getResource("native/lib/pytorch.properties"));
            assertTrue(!hiding.getResources("native/lib/pytorch.properties").hasMoreElements());
            assertTrue(hiding.getResource("native/lib/other.properties") != null);
        }
    }
}
