package darwin.mutation.edit;

import darwin.core.Edit;
import darwin.core.Variant;
import darwin.mutation.edit.EditResult.Applied;
import darwin.mutation.edit.EditResult.Failed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Applies a change's edits to a variant.
 *
 * <p>Edits apply in order, each to the files as the edits before it left them. Only files under
 * {@value #MUTABLE_ROOT} may be edited; the harness copies under {@code harness/}, the manifest of
 * the resources people approved under {@code resources/}, and anything else are refused. An
 * {@link Edit.Write} creates or replaces a file. An {@link Edit.Replace} with an empty search text
 * creates a file that does not exist (or is empty) and is refused for one that has content: it
 * would be ambiguous whether the text goes before, after or instead of it. Any other
 * {@link Edit.Replace} needs the file to exist and is located by the first of these that succeeds
 * ({@link Locator}):
 *
 * <ol>
 *   <li>{@link MatchStrategy#EXACT}: the search text occurs exactly once where it starts a line
 *       (after the line's indentation at most) and ends at no word's middle (several occurrences
 *       fail, listing their lines);
 *   <li>{@link MatchStrategy#WHITESPACE}: its lines, stripped and with inner whitespace collapsed,
 *       equal a run of the file's exactly once; the replacement is re-indented as a block
 *       ({@link Indentation}) to the file's indentation;
 *   <li>{@link MatchStrategy#FUZZY}: a near match under the {@link FuzzyRule}, re-indented the same
 *       way; never for a search text with an elision line ({@link Elision}), which is refused.
 * </ol>
 *
 * <p>A replacement with an elision line that its search text does not hold is refused too.
 *
 * <p>When any edit fails the result is {@link Failed} and nothing is applied; the edits after a
 * failed one are still tried, without it, so that one reply from the model can fix every problem.
 * Immutable once built and thread-safe.
 */
public final class EditApplier {

    /** The part of a variant that edits may touch. */
    public static final String MUTABLE_ROOT = "program/";

    private final FuzzyRule rule;

    /** An applier with {@link FuzzyRule#DEFAULT}. */
    public EditApplier() {
        this(FuzzyRule.DEFAULT);
    }

    public EditApplier(FuzzyRule rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** Whether edits may touch a path: whether it lies under {@value #MUTABLE_ROOT}. */
    public static boolean isMutable(String path) {
        return path.startsWith(MUTABLE_ROOT);
    }

    /** The target with the edits applied, or the edits that failed and why. */
    public EditResult apply(Variant target, List<Edit> edits) {
        Objects.requireNonNull(target, "target");
        TreeMap<String, String> files = new TreeMap<>(target.files());
        List<EditReport> reports = new ArrayList<>();
        List<EditFailure> failures = new ArrayList<>();
        int index = 0;
        for (Edit edit : edits) {
            index++;
            String path = edit.path();
            if (!isMutable(path)) {
                failures.add(new EditFailure(index, path, new Problem.OutsideProgram(path)));
                continue;
            }
            switch (edit) {
                case Edit.Write write -> {
                    files.put(path, write.content());
                    reports.add(new EditReport(index, path, MatchStrategy.WHOLE_FILE,
                            new LineRange(1, Lines.split(write.content()).size()), 1));
                }
                case Edit.Replace replace when replace.search().isEmpty() -> {
                    String current = files.get(path);
                    if (current != null && !current.isEmpty()) {
                        failures.add(new EditFailure(index, path, new Problem.FileExists()));
                        continue;
                    }
                    files.put(path, replace.replace());
                    reports.add(new EditReport(index, path, MatchStrategy.WHOLE_FILE,
                            new LineRange(1, Lines.split(replace.replace()).size()), 1));
                }
                case Edit.Replace replace -> {
                    String current = files.get(path);
                    if (current == null) {
                        failures.add(new EditFailure(index, path, new Problem.MissingFile()));
                        continue;
                    }
                    switch (Locator.locate(current, replace, rule)) {
                        case Outcome.Found(Location location) -> {
                            files.put(path, location.applyTo(current));
                            reports.add(location.report(index, path));
                        }
                        case Outcome.Refused(Problem problem) -> failures.add(new EditFailure(index, path, problem));
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            return new Failed(failures, reports);
        }
        SortedMap<String, String> changes = new TreeMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (!file.getValue().equals(target.files().get(file.getKey()))) {
                changes.put(file.getKey(), file.getValue());
            }
        }
        return new Applied(changes.isEmpty() ? target : target.derive(changes), changes, reports);
    }
}
