package darwin.mutation.edit;

/**
 * When a search text that matches neither exactly nor ignoring whitespace is taken to mean a
 * region of the file anyway.
 *
 * <p><b>Similarity.</b> A window is a run of as many file lines as the search text has (blank
 * lines at the search text's ends left out). Each line is normalised as for
 * {@link MatchStrategy#WHITESPACE}; the window's similarity is {@code 1 - D / L}, where {@code D}
 * is the sum over line pairs of their Levenshtein distance in characters and {@code L} the sum of
 * the longer line's length: one changed token in a few lines costs a few hundredths. Lines are
 * paired in order, so a window never matches a search text with a line more or less.
 *
 * <p><b>Decision.</b> The best window is taken when its similarity is at least {@link #threshold}
 * and no window that does not overlap it comes within {@link #margin} of it; otherwise the edit
 * fails, listing the close windows (ambiguous) or quoting the best one (not found).
 *
 * <p><b>Cost.</b> Near matches are not looked for when the search text has more than
 * {@link #maxSearchLines} lines, the file more than {@link #maxFileLines}, or the work would
 * exceed {@link #maxWork} steps: per file character, one step for each search line of up to 64
 * characters (bit-parallel distance) and as many as its length for a longer one. Within these
 * bounds, windows are visited best first by a cheap upper bound (line length differences) and
 * abandoned as soon as they cannot matter. Measured on a busy two-core machine: a 10-line search
 * text in a 400-line file takes a few milliseconds; the worst cases at the default bounds (200
 * short search lines in 5,000 file lines with no near match, or long lines up to the work bound)
 * a quarter to half a second.
 *
 * @param threshold the least similarity taken, in (0, 1]
 * @param margin how far ahead of every other window the best must be, in [0, 1)
 * @param maxSearchLines the most lines a search text may have
 * @param maxFileLines the most lines a file may have
 * @param maxWork the most steps of distance computation
 */
public record FuzzyRule(double threshold, double margin, int maxSearchLines, int maxFileLines, long maxWork) {

    /** 0.9 similarity, 0.05 ahead, 200 search lines, 5,000 file lines, 2·10⁸ steps. */
    public static final FuzzyRule DEFAULT = new FuzzyRule(0.9, 0.05, 200, 5_000, 200_000_000L);

    public FuzzyRule {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the threshold lies in (0, 1], got " + threshold);
        }
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("the margin lies in [0, 1), got " + margin);
        }
        if (maxSearchLines < 1 || maxFileLines < 1 || maxWork < 1) {
            throw new IllegalArgumentException("the bounds are positive");
        }
    }
}
