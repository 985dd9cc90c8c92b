package darwin.runs.config;

import darwin.trainer.device.DeviceChoice;
import darwin.trainer.device.ThreadWait;
import darwin.trainer.process.SandboxMode;
import darwin.trainer.sandbox.LocalEvaluator;
import darwin.trainer.sandbox.SandboxSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How variants are built, trained and measured.
 *
 * @param slots how many variants train at the same time
 * @param threads engine threads of each training process; 0 shares the cores out among the slots
 * @param threadWait how those threads wait for one another
 * @param sandbox whether child processes run in bubblewrap
 * @param heap the Java heap of each child process
 * @param memory the address-space limit of each child process; empty for none
 * @param grace the time a child gets beyond a time budget
 * @param device where variants train: auto, the CPU or CUDA ({@link darwin.trainer.device.DevicePlan})
 * @param slurm how evaluations run as Slurm batch jobs, for {@code evaluation.executor: slurm}; empty
 *     when they run in slots on this machine
 */
public record EvaluationSettings(int slots, int threads, ThreadWait threadWait, SandboxMode sandbox, Size heap, Optional<Size> memory,
        Duration grace, DeviceChoice device, Optional<SlurmSettings> slurm) {

    /** Evaluations in slots on this machine. */
    public EvaluationSettings(int slots, int threads, ThreadWait threadWait, SandboxMode sandbox, Size heap,
            Optional<Size> memory, Duration grace, DeviceChoice device) {
        this(slots, threads, threadWait, sandbox, heap, memory, grace, device, Optional.empty());
    }

    public EvaluationSettings {
        Settings.SLOTS.check(slots);
        Settings.THREADS.check(threads);
        Settings.THREAD_WAIT.check(threadWait);
        Settings.SANDBOX.check(sandbox);
        Settings.HEAP.check(heap);
        Settings.MEMORY.check(memory);
        Settings.GRACE.check(grace);
        Settings.DEVICE.check(device);
        Objects.requireNonNull(slurm, "slurm");
        if (memory.isPresent() && memory.get().bytes() <= heap.bytes()) {
            throw ConfigException.between("evaluation.memory (" + memory.get() + ") must be larger than evaluation.heap ("
                    + heap + "): the limit covers the whole address space, the heap included",
                    Settings.MEMORY, Settings.HEAP);
        }
    }

    /** Where the evaluations run. */
    public Executor executor() {
        return slurm.isPresent() ? Executor.SLURM : Executor.LOCAL;
    }

    /**
     * The engine threads of each training process: {@code evaluation.threads} when set, else the
     * CPUs of a Slurm job, or this machine's {@code cores} shared out among the slots.
     */
    public int trainingThreads(int cores) {
        return slurm.map(job -> threads > 0 ? threads : job.cpus()).orElseGet(() -> threadsPerSlot(cores));
    }

    /** The engine threads each slot's training process gets on a machine of {@code cores} cores. */
    public int threadsPerSlot(int cores) {
        return threads > 0 ? threads : LocalEvaluator.threadsPerSlot(cores, slots);
    }

    /**
     * The sandbox's settings for a machine of {@code cores} cores: {@link SandboxSettings#defaults()}
     * with these threads, their wait, mode, heap, memory limit and grace.
     */
    public SandboxSettings sandboxSettings(int cores) {
        SandboxSettings defaults = SandboxSettings.defaults();
        return defaults.withThreads(trainingThreads(cores))
                .withThreadWait(threadWait)
                .withMode(sandbox)
                .withMemory(heap.toString(), memory.map(Size::bytes).orElse(0L))
                .withLimits(grace, defaults.stepBudgetLimit(), defaults.scoreLimit());
    }
}
