package darwin.trainer.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The GPUs DJL's engine can use in this process. Loads the engine with a CUDA libtorch
 * ({@link CudaLibrary}), since the bundled CPU build sees none; on a machine without NVIDIA device
 * files it answers at once, without loading anything.
 *
 * <p>DJL falls back to the CPU silently when CUDA's runtime does not load, so "none" is decided
 * from what the loaded engine counts, and the cause is put into words: no NVIDIA device, no CUDA
 * libtorch, a CUDA runtime that did not load, or a libtorch that sees no GPU.
 *
 * <p>Names come from the driver ({@code /proc/driver/nvidia/gpus/<PCI bus id>/information}, in bus
 * order), memory from the engine; a name the driver does not give is {@code GPU <number>}.
 */
public final class EngineGpus implements GpuInventory {

    private static final Path CONTROL_DEVICE = Path.of("/dev/nvidiactl");
    private static final Path DRIVER_GPUS = Path.of("/proc/driver/nvidia/gpus");

    @Override
    public GpuSurvey survey(boolean mayDownload) {
        if (!Files.exists(CONTROL_DEVICE) && !Files.exists(Path.of("/dev/nvidia0"))) {
            return GpuSurvey.none("there is no NVIDIA device here (no /dev/nvidiactl): no NVIDIA GPU or driver");
        }
        CudaLibrary library;
        try {
            Optional<CudaLibrary> found = CudaLibrary.find(System.getenv(), Utils.getEngineCacheDir());
            if (found.isPresent()) {
                library = found.get();
                library.useInThisProcess();
            } else if (mayDownload) {
                library = CudaDownload.fetch();
            } else {
                return GpuSurvey.none("there is no CUDA build of libtorch here: point PYTORCH_LIBRARY_PATH at a PyTorch "
                        + CudaLibrary.VERSION + " CUDA install with PYTORCH_FLAVOR=" + CudaLibrary.FLAVOR + ", or run once"
                        + " with --device cuda and the network on, which downloads it (README, GPUs)");
            }
        } catch (DeviceUnavailableException e) {
            return GpuSurvey.none(e.getMessage());
        }
        Engine engine;
        try {
            engine = Engines.load();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return GpuSurvey.none("the engine did not load " + library.describe() + ": " + e);
        }
        int count = engine.getGpuCount();
        if (count < 1) {
            return GpuSurvey.none(CudaUtils.hasCuda()
                    ? "the engine loaded " + library.describe() + " but sees no GPU (is CUDA_VISIBLE_DEVICES empty, or "
                            + "the library not a CUDA 12.8 build?)"
                    : "the CUDA runtime did not load, so the engine runs on the CPU (is the NVIDIA driver installed, and"
                            + " recent enough for CUDA 12.8?)");
        }
        List<Integer> ids = VisibleGpus.ids(System.getenv(VisibleGpus.VARIABLE), count);
        List<String> names = driverNames();
        List<Gpu> gpus = new ArrayList<>();
        for (int ordinal = 0; ordinal < count; ordinal++) {
            int id = ids.get(ordinal);
            String name = id < names.size() ? names.get(id) : "GPU " + id;
            gpus.add(new Gpu(ordinal, id, name, memory(ordinal)));
        }
        return GpuSurvey.found(gpus, library);
    }

    private static long memory(int ordinal) {
        try {
            return Math.max(0, CudaUtils.getGpuMemory(Device.gpu(ordinal)).getMax());
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return 0;
        }
    }

    /** The driver's model names of the machine's GPUs, in PCI bus order; empty when it does not say. */
    static List<String> driverNames() {
        if (!Files.isDirectory(DRIVER_GPUS)) {
            return List.of();
        }
        try (Stream<Path> buses = Files.list(DRIVER_GPUS)) {
            List<String> names = new ArrayList<>();
            for (Path bus : buses.sorted().toList()) {
                names.add(modelName(Files.readAllLines(bus.resolve("information"))).orElse("GPU " + names.size()));
            }
            return names;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The {@code Model:} line of a driver information file. */
    static Optional<String> modelName(List<String> information) {
        return information.stream()
                .filter(line -> line.startsWith("Model:"))
                .map(line -> line.substring("Model:".length()).strip())
                .filter(name -> !name.isEmpty())
                .findFirst();
    }
}
