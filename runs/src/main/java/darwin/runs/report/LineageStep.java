package darwin.runs.report;

import darwin.memory.Attempt;
import java.util.Objects;

/** One step from the seed towards a variant. */
public sealed interface LineageStep {

    /** The variant the step started from. */
    String parent();

    /** The variant it made. */
    String child();

    /**
     * An agent's change, as its attempt records it.
     *
     * @param attempt the attempt that made the child
     */
    record Change(Attempt attempt) implements LineageStep {
        public Change {
            Objects.requireNonNull(attempt, "attempt");
        }

        @Override
        public String parent() {
            return attempt.parent();
        }

        @Override
        public String child() {
            return attempt.child();
        }
    }

    /**
     * People's approved upgrade request applied to a member (a dataset, a library, a script, a
     * new layout): no agent made it, so no attempt records it.
     *
     * @param parent the member before
     * @param child the member after
     * @param diff the unified diff between them ({@code ""} when their files cannot be read)
     */
    record Upgrade(String parent, String child, String diff) implements LineageStep {
        public Upgrade {
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(child, "child");
            diff = Objects.requireNonNullElse(diff, "");
        }
    }
}
