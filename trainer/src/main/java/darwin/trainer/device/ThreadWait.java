package darwin.trainer.device;

import java.util.Locale;
import java.util.Map;

/**
 * How the engine's intra-op threads wait for one another between operations: the OpenMP wait
 * policy of the training and scoring processes (PyTorch's CPU build runs its intra-op threads on
 * GNU OpenMP, which reads {@code OMP_WAIT_POLICY} when it loads).
 *
 * <p>A GPT step on a CPU is thousands of small operations, each split among the threads and each
 * ending at a barrier. With OpenMP's default, a thread that reaches a barrier first spins for a
 * while, then sleeps. On a machine the run has to itself that is the fastest and the steadiest
 * way. When another process holds one of the cores (a build in another terminal, another
 * session's job), the thread that shares it is woken a scheduler tick late at every barrier, and
 * a two-thread training on two cores ran 25–33 times slower. Waiting passively (sleeping at once)
 * gives the core back at every barrier instead: the same neighbour then slows training about
 * 1.1 times, but on a quiet virtual machine every wake-up pays for an idle core, and training was
 * about 1.4 times slower and scattered more (BENCHMARKS.md, "The engine threads' wait").
 */
public enum ThreadWait {

    /**
     * OpenMP's own default, spinning a while before sleeping: the default, for a machine the run
     * has to itself.
     */
    SPIN("", Map.of()),

    /**
     * Sleep at once at a barrier ({@code OMP_WAIT_POLICY=PASSIVE}): for a machine that other work
     * shares.
     */
    PASSIVE("-passive", Map.of("OMP_WAIT_POLICY", "PASSIVE"));

    private final String keySuffix;
    private final Map<String, String> environment;

    ThreadWait(String keySuffix, Map<String, String> environment) {
        this.keySuffix = keySuffix;
        this.environment = environment;
    }

    /** The variables that set this policy in a child process's environment. */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * What this policy adds to a device key: a speed measured under one policy is not a speed
     * measured under the other. Spinning, the default, adds nothing, so that results measured
     * before the policy was a setting keep their keys.
     */
    public String keySuffix() {
        return keySuffix;
    }

    /** The name settings and flags use: {@code passive} or {@code spin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
