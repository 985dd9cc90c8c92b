package darwin.trainer.device;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Where a command's evaluations run, decided once before anything is evaluated: the CPU, or the
 * GPUs the engine sees, one evaluation slot each.
 *
 * <p>Slot {@code i} of a CUDA plan trains and scores on GPU {@code i}: its children see only that
 * GPU ({@code CUDA_VISIBLE_DEVICES} holds its number, so in the child it is {@code gpu(0)}), and in
 * bubblewrap only its device file and NVIDIA's control devices are bound. The children load the
 * CUDA libtorch the parent loaded ({@link CudaLibrary}); a CPU plan changes nothing in the
 * children.
 *
 * @param asked what the user asked for
 * @param gpus the GPUs used, slot {@code i} on {@code gpus.get(i)}; empty for the CPU
 * @param reason why this device, in words (for {@code auto}: what was found)
 * @param library the CUDA libtorch; {@code null} for the CPU
 */
public record DevicePlan(DeviceChoice asked, List<Gpu> gpus, String reason, CudaLibrary library) {

    /** NVIDIA's control devices that every CUDA process opens, bound when they exist. */
    public static final List<Path> CONTROL_DEVICES = List.of(Path.of("/dev/nvidiactl"), Path.of("/dev/nvidia-uvm"),
            Path.of("/dev/nvidia-uvm-tools"), Path.of("/dev/nvidia-modeset"));
    /** The system property that tells a child which device to train on: {@code cpu} or {@code cuda}. */
    public static final String CHILD_DEVICE = "darwin.device";

    public DevicePlan {
        Objects.requireNonNull(asked, "asked");
        gpus = List.copyOf(gpus);
        Objects.requireNonNull(reason, "reason");
        if (asked == DeviceChoice.CPU && !gpus.isEmpty()) {
            throw new IllegalArgumentException("a plan for the CPU uses no GPU");
        }
        if (asked == DeviceChoice.CUDA && gpus.isEmpty()) {
            throw new IllegalArgumentException("a plan for CUDA needs a GPU");
        }
        if (gpus.isEmpty() != (library == null)) {
            throw new IllegalArgumentException("a plan has a CUDA libtorch exactly when it has GPUs");
        }
    }

    /** The CPU, as asked. */
    public static DevicePlan cpu() {
        return new DevicePlan(DeviceChoice.CPU, List.of(), "asked for", null);
    }

    /**
     * Decides the plan. {@code cpu} asks nothing; {@code auto} asks the engine and takes the CPU, with
     * the cause, when it has no GPU; {@code cuda} may let DJL download the CUDA libtorch once and
     * stops when the engine has no GPU.
     *
     * @throws DeviceUnavailableException when CUDA was asked for and the engine has no GPU, naming the cause
     */
    public static DevicePlan choose(DeviceChoice choice, GpuInventory inventory) {
        return switch (choice) {
            case CPU -> cpu();
            case AUTO -> {
                GpuSurvey survey = inventory.survey(false);
                yield survey.gpus().isEmpty()
                        ? new DevicePlan(DeviceChoice.AUTO, List.of(), survey.whyNone(), null)
                        : new DevicePlan(DeviceChoice.AUTO, survey.gpus(), "the engine sees " + count(survey.gpus()),
                                survey.library());
            }
            case CUDA -> {
                GpuSurvey survey = inventory.survey(true);
                if (survey.gpus().isEmpty()) {
                    throw new DeviceUnavailableException("--device cuda (evaluation.device) was asked for, but the engine"
                            + " has no GPU: " + survey.whyNone() + ". Nothing was evaluated; --device cpu trains on the CPU");
                }
                yield new DevicePlan(DeviceChoice.CUDA, survey.gpus(), "asked for", survey.library());
            }
        };
    }

    /** Whether evaluations run on GPUs. */
    public boolean cuda() {
        return !gpus.isEmpty();
    }

    /**
     * The number of evaluation slots: one per GPU on CUDA, whatever was asked; {@code requested} on
     * the CPU.
     */
    public int slots(int requested) {
        return cuda() ? gpus.size() : requested;
    }

    /** The GPU of slot {@code slot}. */
    public Gpu gpu(int slot) {
        if (!cuda()) {
            throw new IllegalStateException("a CPU plan has no GPU");
        }
        if (slot < 0 || slot >= gpus.size()) {
            throw new IllegalArgumentException("slot " + slot + " of " + gpus.size() + " has no GPU");
        }
        return gpus.get(slot);
    }

    /**
     * The variables slot {@code slot}'s children get besides the usual ones: on CUDA, its GPU alone
     * ({@code CUDA_VISIBLE_DEVICES}, counted in PCI bus order) and the CUDA libtorch; nothing on the CPU.
     */
    public Map<String, String> childEnvironment(int slot) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (cuda()) {
            variables.put(VisibleGpus.VARIABLE, Integer.toString(gpu(slot).id()));
            variables.put("CUDA_DEVICE_ORDER", "PCI_BUS_ID");
            variables.putAll(library.environment());
        }
        return variables;
    }

    /** The JVM option that tells a child its device ({@link Engines#defaultDevice()} reads it). */
    public String childProperty() {
        return "-D" + CHILD_DEVICE + "=" + (cuda() ? "cuda" : "cpu");
    }

    /** The device files slot {@code slot}'s sandboxed children get: its GPU's and the control devices that exist here. */
    public List<Path> deviceFiles(int slot) {
        return deviceFiles(slot, Files::exists);
    }

    /** {@link #deviceFiles(int)} with {@code exists} saying which files exist (tests give a stand-in). */
    public List<Path> deviceFiles(int slot, Predicate<Path> exists) {
        if (!cuda()) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        Path own = Path.of("/dev/nvidia" + gpu(slot).id());
        if (!exists.test(own)) {
            throw new DeviceUnavailableException("GPU " + gpu(slot).id() + " has no device file " + own
                    + ": is CUDA_VISIBLE_DEVICES numbered as nvidia-smi numbers the GPUs?");
        }
        files.add(own);
        CONTROL_DEVICES.stream().filter(exists).forEach(files::add);
        return List.copyOf(files);
    }

    /** What a sandboxed child must read besides the usual: the CUDA libtorch's folders. */
    public List<Path> readOnlyPaths() {
        return cuda() ? library.readOnlyPaths() : List.of();
    }

    /**
     * The device part of a result's cache key: {@code cpu()} as before, or {@code cuda(<card>)}, so
     * that a result measured on one kind of card is not taken for another's.
     */
    public String deviceName() {
        if (!cuda()) {
            return "cpu()";
        }
        return "cuda(" + String.join("+", gpus.stream().map(Gpu::name).distinct().toList()) + ")";
    }

    /** The key of results: {@link #deviceName()}, the thread count and how the threads wait. */
    public String deviceKey(int threads, ThreadWait wait) {
        return deviceName() + "-" + threads + "t" + wait.keySuffix();
    }

    /** Tells this process which device the engine's work goes to ({@link Engines#defaultDevice()}). */
    public void useInThisProcess() {
        System.setProperty(CHILD_DEVICE, cuda() ? "cuda" : "cpu");
    }

    /** One line for the user: {@code the CPU (auto: ...)} or {@code 4 GPUs, one slot each: ...}. */
    public String describe() {
        if (!cuda()) {
            return asked == DeviceChoice.AUTO ? "the CPU (--device auto: " + reason + ")" : "the CPU";
        }
        return count(gpus) + ", one evaluation slot each (--device " + asked.label() + "), with " + library.describe();
    }

    private static String count(List<Gpu> gpus) {
        return gpus.size() + (gpus.size() == 1 ? " GPU: " : " GPUs: ")
                + String.join(", ", gpus.stream().map(Gpu::describe).toList());
    }
}
