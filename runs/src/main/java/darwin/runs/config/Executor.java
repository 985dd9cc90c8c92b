package darwin.runs.config;

/**
 * Where a run's evaluations run. Whatever the executor, the loop, the result cache, the results'
 * statuses and signatures, the budgets and resume are the same: only where the sandboxed children
 * of one evaluation start differs.
 */
public enum Executor {

    /** Slots on the machine that runs the loop ({@code evaluation.slots}). */
    LOCAL("local"),

    /** One Slurm batch job per evaluation, on a file system the nodes share ({@code evaluation.slurm.*}). */
    SLURM("slurm");

    private final String id;

    Executor(String id) {
        this.id = id;
    }

    /** The name in configuration, e.g. {@code slurm}. */
    public String id() {
        return id;
    }
}
