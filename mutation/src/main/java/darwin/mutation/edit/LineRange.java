package darwin.mutation.edit;

/**
 * Lines of a file, 1-based and inclusive; empty when {@code last == first - 1}.
 *
 * @param first the first line
 * @param last the last line
 */
public record LineRange(int first, int last) {

    public LineRange {
        if (first < 1) {
            throw new IllegalArgumentException("lines are numbered from 1, got " + first);
        }
        if (last < first - 1) {
            throw new IllegalArgumentException("a range ends at or after its start less one, got " + first + "-" + last);
        }
    }

    /** The number of lines. */
    public int count() {
        return last - first + 1;
    }

    /** Whether the two ranges share a line. */
    public boolean overlaps(LineRange other) {
        return first <= other.last && other.first <= last;
    }

    /** {@code line 3}, {@code lines 3-5}, or {@code no lines}. */
    public String describe() {
        return switch (count()) {
            case 0 -> "no lines";
            case 1 -> "line " + first;
            default -> "lines " + first + "-" + last;
        };
    }
}
