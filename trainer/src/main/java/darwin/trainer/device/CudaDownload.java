package darwin.trainer.device;

import ai.djl.util.Utils;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * Lets DJL download the {@code cu128} libtorch into its cache, once, and loads the engine with it.
 *
 * <p>DJL downloads a libtorch only when no native library is bundled on the class path; the
 * {@code pytorch-native-cpu} jar is, and it matches every machine. So the engine is loaded with a
 * context class loader that hides that jar's description ({@code native/lib/pytorch.properties}),
 * {@code ai.djl.offline} off and {@code PYTORCH_FLAVOR=cu128}: DJL then downloads the CUDA build
 * into {@code <cache>/pytorch/2.7.1-cu128-linux-x86_64} and loads it. Later processes find it there
 * ({@link CudaLibrary#find}) and run offline.
 */
final class CudaDownload {

    private CudaDownload() {}

    /**
     * Downloads and loads the CUDA libtorch in this process.
     *
     * @throws DeviceUnavailableException when the download or the load fails, saying what to do
     */
    static CudaLibrary fetch() {
        Path cache = Utils.getEngineCacheDir();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        String offline = System.getProperty("ai.djl.offline");
        System.setProperty("ai.djl.offline", "false");
        System.setProperty(CudaLibrary.FLAVOR_VARIABLE, CudaLibrary.FLAVOR);
        thread.setContextClassLoader(new WithoutBundledLibtorch(previous != null ? previous : CudaDownload.class.getClassLoader()));
        try {
            Engines.load();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new DeviceUnavailableException("could not download the " + CudaLibrary.FLAVOR + " libtorch into DJL's cache "
                    + cache + " (" + e + "): run once with the network on, or point PYTORCH_LIBRARY_PATH at a PyTorch "
                    + CudaLibrary.VERSION + " CUDA install with PYTORCH_FLAVOR=" + CudaLibrary.FLAVOR + " (README, GPUs)");
        } finally {
            thread.setContextClassLoader(previous);
            if (offline == null) {
                System.clearProperty("ai.djl.offline");
            } else {
                System.setProperty("ai.djl.offline", offline);
            }
        }
        return CudaLibrary.find(Map.of(), cache).orElseThrow(() -> new DeviceUnavailableException(
                "the engine loaded, but no " + CudaLibrary.FLAVOR + " libtorch is in " + CudaLibrary.downloadFolder(cache)
                        + ": DJL found no CUDA build for this machine; point PYTORCH_LIBRARY_PATH at a PyTorch "
                        + CudaLibrary.VERSION + " CUDA install with PYTORCH_FLAVOR=" + CudaLibrary.FLAVOR));
    }

    /** A class loader that hides the bundled native library's description and delegates all else. */
    static final class WithoutBundledLibtorch extends ClassLoader {

        static final String DESCRIPTION = "native/lib/pytorch.properties";

        WithoutBundledLibtorch(ClassLoader parent) {
            super(parent);
        }

        @Override
        public URL getResource(String name) {
            return DESCRIPTION.equals(name) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return DESCRIPTION.equals(name) ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }
}
