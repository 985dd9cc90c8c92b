package darwin.mutation.edit;

import darwin.core.Variant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What {@link EditApplier#apply} made of a change's edits: the new variant, or the edits that failed. */
public sealed interface EditResult permits EditResult.Applied, EditResult.Failed {

    /** Where each edit that applied landed, in order. */
    List<EditReport> reports();

    /**
     * Every edit applied.
     *
     * @param variant the target with the edits applied, a child of the target; the target itself
     *     when the edits change nothing
     * @param changes the files whose content changed: path → new content
     * @param reports where each edit landed, in order
     */
    record Applied(Variant variant, SortedMap<String, String> changes, List<EditReport> reports) implements EditResult {
        public Applied {
            Objects.requireNonNull(variant, "variant");
            changes = Collections.unmodifiableSortedMap(new TreeMap<>(changes));
            reports = List.copyOf(reports);
        }

        /** One line per edit: where it landed. */
        public String describe() {
            return reports.stream().map(EditReport::describe).collect(Collectors.joining("\n"));
        }
    }

    /**
     * One edit or more failed; none is applied. Edits after a failed one were still tried, on the
     * files as the edits that did apply left them, so that one round reports every problem.
     *
     * @param failures the edits that failed, in order
     * @param reports where the other edits would have landed, in order
     */
    record Failed(List<EditFailure> failures, List<EditReport> reports) implements EditResult {
        public Failed {
            failures = List.copyOf(failures);
            reports = List.copyOf(reports);
            if (failures.isEmpty()) {
                throw new IllegalArgumentException("a failed application names the edits that failed");
            }
        }

        /** For the model: how many edits failed, then each failure. */
        public String describe() {
            int total = failures.size() + reports.size();
            String head = failures.size() == 1 && total == 1 ? "The edit could not be applied, so nothing was changed:"
                    : failures.size() + " of " + total + " edits could not be applied, so nothing was changed:";
            return head + "\n" + failures.stream().map(EditFailure::describe).collect(Collectors.joining("\n"));
        }
    }
}
