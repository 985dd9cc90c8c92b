package darwin.trainer.sandbox;

import darwin.trainer.device.DevicePlan;
import darwin.trainer.device.ThreadWait;
import darwin.trainer.process.ResourceLimits;
import darwin.trainer.process.SandboxMode;
import darwin.trainer.resources.ResourceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How variants are run in child processes.
 *
 * @param workRoot where evaluation workspaces are made (each is deleted after its evaluation)
 * @param mode bubblewrap or not ({@link SandboxMode#AUTO}: when it works on this machine)
 * @param threads intra-op engine threads of each child
 * @param threadWait how those threads wait for one another
 * @param heap the child JVM's maximum heap, as {@code -Xmx} takes it (e.g. {@code 2g})
 * @param memoryLimitBytes the child's address-space limit, which also bounds native (tensor)
 *     memory; 0 for none
 * @param grace time a child gets beyond a time budget to start, load the engine and save its model
 * @param stepBudgetLimit the wall-clock limit of training under a step budget
 * @param scoreLimit the wall-clock limit of scoring
 * @param heldOutWindow length of the held-out windows
 * @param resources the folder of the {@link ResourceStore} that holds the datasets and libraries
 *     variants list in their manifests, or {@code null} for none (a variant that lists resources
 *     then ends as a failure of the harness)
 * @param limits what else a child may take: its private {@code /tmp}, disk, tasks and open files
 * @param device where children train and score: the CPU, or one GPU per slot ({@link DevicePlan})
 */
public record SandboxSettings(
        Path workRoot,
        SandboxMode mode,
        int threads,
        ThreadWait threadWait,
        String heap,
        long memoryLimitBytes,
        Duration grace,
        Duration stepBudgetLimit,
        Duration scoreLimit,
        int heldOutWindow,
        Path resources,
        ResourceLimits limits,
        DevicePlan device) {

    public SandboxSettings {
        Objects.requireNonNull(workRoot, "workRoot");
        Objects.requireNonNull(mode, "mode");
        if (threads < 1) {
            throw new IllegalArgumentException("a child needs at least one thread, got " + threads);
        }
        Objects.requireNonNull(threadWait, "threadWait");
        if (heap == null || !heap.matches("[1-9][0-9]*[kKmMgG]?")) {
            throw new IllegalArgumentException("the heap must look like 512m or 2g, got " + heap);
        }
        if (memoryLimitBytes < 0) {
            throw new IllegalArgumentException("the memory limit must not be negative");
        }
        for (Duration d : new Duration[] {grace, stepBudgetLimit, scoreLimit}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("time limits must be positive, got " + d);
            }
        }
        if (heldOutWindow < 1) {
            throw new IllegalArgumentException("the held-out window must be at least 1 token");
        }
        resources = resources == null ? null : resources.toAbsolutePath().normalize();
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(device, "device");
    }

    /** These settings with other limits on what a child may take besides memory and time. */
    public SandboxSettings withResourceLimits(ResourceLimits resourceLimits) {
        return new SandboxSettings(workRoot, mode, threads, threadWait, heap, memoryLimitBytes, grace, stepBudgetLimit, scoreLimit,
                heldOutWindow, resources, resourceLimits, device);
    }

    /** Defaults for one evaluation at a time on this machine. */
    public static SandboxSettings defaults() {
        return new SandboxSettings(
                Path.of(System.getProperty("java.io.tmpdir"), "darwin-sandbox"),
                SandboxMode.AUTO,
                Runtime.getRuntime().availableProcessors(),
                ThreadWait.SPIN,
                "2g",
                8L << 30,
                Duration.ofSeconds(60),
                Duration.ofMinutes(60),
                Duration.ofMinutes(10),
                64,
                null,
                ResourceLimits.DEFAULTS,
                DevicePlan.cpu());
    }

    /** These settings with children on {@code plan}'s device. */
    public SandboxSettings withDevice(DevicePlan plan) {
        return new SandboxSettings(workRoot, mode, threads, threadWait, heap, memoryLimitBytes, grace, stepBudgetLimit, scoreLimit,
                heldOutWindow, resources, limits, plan);
    }

    /** These settings with the resource store in {@code dir} ({@code null}: none). */
    public SandboxSettings withResources(Path dir) {
        return new SandboxSettings(workRoot, mode, threads, threadWait, heap, memoryLimitBytes, grace, stepBudgetLimit, scoreLimit, heldOutWindow,
                dir, limits, device);
    }

    /** The resource store, when there is one. */
    public Optional<ResourceStore> resourceStore() {
        return Optional.ofNullable(resources).map(ResourceStore::at);
    }

    public SandboxSettings withThreads(int n) {
        return new SandboxSettings(workRoot, mode, n, threadWait, heap, memoryLimitBytes, grace, stepBudgetLimit, scoreLimit, heldOutWindow, resources, limits, device);
    }

    public SandboxSettings withThreadWait(ThreadWait wait) {
        return new SandboxSettings(workRoot, mode, threads, wait, heap, memoryLimitBytes, grace, stepBudgetLimit, scoreLimit, heldOutWindow,
                resources, limits, device);
    }

    public SandboxSettings withMode(SandboxMode m) {
        return new SandboxSettings(workRoot, m, threads, threadWait, heap, memoryLimitBytes, grace, stepBudgetLimit, scoreLimit, heldOutWindow, resources, limits, device);
    }

    public SandboxSettings withWorkRoot(Path root) {
        return new SandboxSettings(root, mode, threads, threadWait, heap, memoryLimitBytes, grace, stepBudgetLimit, scoreLimit, heldOutWindow, resources, limits, device);
    }

    public SandboxSettings withMemory(String heapSize, long limitBytes) {
        return new SandboxSettings(workRoot, mode, threads, threadWait, heapSize, limitBytes, grace, stepBudgetLimit, scoreLimit, heldOutWindow, resources, limits, device);
    }

    public SandboxSettings withLimits(Duration graceTime, Duration stepLimit, Duration scoreTime) {
        return new SandboxSettings(workRoot, mode, threads, threadWait, heap, memoryLimitBytes, graceTime, stepLimit, scoreTime, heldOutWindow, resources, limits, device);
    }
}
