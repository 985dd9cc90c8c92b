package darwin.mutation.edit;

import java.util.Locale;
import java.util.Objects;

/**
 * Where one edit landed.
 *
 * @param index the edit's position in the change, from 1
 * @param path the file
 * @param strategy how its place was found
 * @param lines where: the lines the search text matched in the file as it was before the edit, or
 *     the whole new file
 * @param similarity 1 for an exact, whitespace-insensitive or whole-file edit; the near match's
 *     similarity for a fuzzy one
 */
public record EditReport(int index, String path, MatchStrategy strategy, LineRange lines, double similarity) {

    public EditReport {
        if (index < 1) {
            throw new IllegalArgumentException("edits are numbered from 1, got " + index);
        }
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(lines, "lines");
        if (!(similarity >= 0 && similarity <= 1)) {
            throw new IllegalArgumentException("a similarity lies in [0, 1], got " + similarity);
        }
    }

    /** One line: {@code Edit 2 (program/p/Main.java): matched ignoring whitespace at lines 3-5.} */
    public String describe() {
        String where = strategy == MatchStrategy.WHOLE_FILE
                ? " (" + lines.count() + (lines.count() == 1 ? " line)" : " lines)")
                : " at " + lines.describe();
        String how = strategy == MatchStrategy.FUZZY ? String.format(Locale.ROOT, " (similarity %.2f)", similarity) : "";
        return "Edit " + index + " (" + path + "): " + strategy.verb() + where + how + ".";
    }
}
