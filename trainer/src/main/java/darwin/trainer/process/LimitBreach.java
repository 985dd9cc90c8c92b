package darwin.trainer.process;

import java.util.Objects;

/**
 * A limit of {@link ResourceLimits} that a child went over, as the runner saw it.
 *
 * @param limit which one
 * @param description what happened, naming the limit: "wrote more than 8 GiB to its workspace and
 *     output"
 */
public record LimitBreach(Limit limit, String description) {

    /** The limits the runner can see a child go over. */
    public enum Limit {
        /** The workspace's and the output files' bytes together, or the workspace's entries. */
        DISK,
        /** Processes and threads at once. */
        TASKS
    }

    public LimitBreach {
        Objects.requireNonNull(limit, "limit");
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a breach says what happened");
        }
    }
}
