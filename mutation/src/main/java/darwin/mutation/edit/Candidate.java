package darwin.mutation.edit;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A region of a file that resembles a search text: where, how closely, and its first lines.
 *
 * @param lines the region
 * @param similarity in [0, 1], as {@link FuzzyRule} measures it
 * @param excerpt the region's first lines as they are in the file, at most {@link #EXCERPT_LINES}
 */
public record Candidate(LineRange lines, double similarity, List<String> excerpt) {

    /** The most lines an excerpt quotes. */
    public static final int EXCERPT_LINES = 6;

    public Candidate {
        Objects.requireNonNull(lines, "lines");
        if (!(similarity >= 0 && similarity <= 1)) {
            throw new IllegalArgumentException("a similarity lies in [0, 1], got " + similarity);
        }
        excerpt = List.copyOf(excerpt);
        if (excerpt.size() > EXCERPT_LINES) {
            throw new IllegalArgumentException("an excerpt holds at most " + EXCERPT_LINES + " lines");
        }
    }

    /** {@code lines 12-15 (similarity 0.71)} */
    public String describe() {
        return lines.describe() + String.format(Locale.ROOT, " (similarity %.2f)", similarity);
    }

    /** The excerpt with line numbers, one indented line each, and an ellipsis when the region is longer. */
    public String quote() {
        StringBuilder text = new StringBuilder();
        int width = String.valueOf(lines.first() + Math.max(0, excerpt.size() - 1)).length();
        for (int i = 0; i < excerpt.size(); i++) {
            text.append(String.format(Locale.ROOT, "    %" + width + "d | %s\n", lines.first() + i, excerpt.get(i)));
        }
        if (lines.count() > excerpt.size()) {
            text.append("    ").append(" ".repeat(width)).append(" | …\n");
        }
        return text.toString();
    }
}
