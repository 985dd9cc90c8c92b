package darwin.population.upgrade;

import darwin.core.Budget;
import darwin.core.ResourceManifest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** What an approved request does, ready to apply. */
public sealed interface Upgrade {

    /** The id of the request it comes from. */
    String request();

    /** One line: what it does. */
    String describe();

    /**
     * A larger compute budget from the generation it takes effect.
     *
     * @param request the request's id
     * @param budget the new budget, larger than the one before and of the same kind
     */
    record Budgeted(String request, Budget budget) implements Upgrade {
        public Budgeted {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(budget, "budget");
        }

        @Override
        public String describe() {
            return "budget " + budget.describe();
        }
    }

    /**
     * A dataset (more training text) or a library (a jar on the training class path) listed in
     * every member's manifest, its file in the run's resource store.
     *
     * @param request the request's id
     * @param resource what is added
     */
    record ResourceAdded(String request, ResourceManifest.Resource resource) implements Upgrade {
        public ResourceAdded {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(resource, "resource");
        }

        @Override
        public String describe() {
            return "adds " + resource.description();
        }
    }

    /**
     * Files written, moved or deleted in every member's program (a {@code SCRIPT} joins the program;
     * a {@code FILE_STRUCTURE} changes its layout), optionally with a new entry class.
     *
     * @param request the request's id
     * @param writes path → new content
     * @param moves old path → new path (the content moves as it is, before the writes)
     * @param deletes paths removed
     * @param entry the new entry class, if it changes
     */
    record ProgramChange(String request, SortedMap<String, String> writes, SortedMap<String, String> moves, Set<String> deletes,
            Optional<String> entry) implements Upgrade {
        public ProgramChange {
            Objects.requireNonNull(request, "request");
            writes = new TreeMap<>(writes);
            moves = new TreeMap<>(moves);
            deletes = Set.copyOf(deletes);
            entry = Objects.requireNonNullElse(entry, Optional.empty());
            if (writes.isEmpty() && moves.isEmpty() && deletes.isEmpty()) {
                throw new IllegalArgumentException("a program change must write, move or delete at least one file");
            }
        }

        static ProgramChange writing(String request, Map<String, String> writes) {
            return new ProgramChange(request, new TreeMap<>(writes), new TreeMap<>(), Set.of(), Optional.empty());
        }

        @Override
        public String describe() {
            StringBuilder text = new StringBuilder();
            if (!writes.isEmpty()) {
                text.append("writes ").append(String.join(", ", writes.keySet()));
            }
            if (!moves.isEmpty()) {
                text.append(text.isEmpty() ? "" : "; ").append("moves ").append(moves.size()).append(" file(s)");
            }
            if (!deletes.isEmpty()) {
                text.append(text.isEmpty() ? "" : "; ").append("deletes ").append(String.join(", ", deletes));
            }
            entry.ifPresent(e -> text.append("; entry ").append(e));
            return text.toString();
        }
    }
}
