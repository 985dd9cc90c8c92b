package darwin.mutation.edit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A file's text split at {@code \n}, with where each line starts. A final {@code \n} ends the
 * last line rather than starting an empty one; indices here are 0-based.
 */
final class Lines {

    private final String text;
    private final List<String> lines;
    private final int[] starts;

    private Lines(String text, List<String> lines, int[] starts) {
        this.text = text;
        this.lines = lines;
        this.starts = starts;
    }

    static Lines of(String text) {
        List<String> lines = new ArrayList<>();
        int[] starts = new int[16];
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (lines.size() == starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[lines.size()] = start;
            lines.add(text.substring(start, end));
            start = end + 1;
        }
        return new Lines(text, List.copyOf(lines), Arrays.copyOf(starts, lines.size()));
    }

    /** The lines of a search or replacement text: like a file's, so {@code "a\n"} is one line. */
    static List<String> split(String text) {
        return of(text).lines;
    }

    String text() {
        return text;
    }

    int count() {
        return lines.size();
    }

    String get(int line) {
        return lines.get(line);
    }

    List<String> all() {
        return lines;
    }

    /** Where a line starts. */
    int start(int line) {
        return starts[line];
    }

    /** Where a line ends, before its {@code \n}. */
    int end(int line) {
        return starts[line] + lines.get(line).length();
    }

    /** The line that holds a character offset. */
    int lineAt(int offset) {
        int found = Arrays.binarySearch(starts, offset);
        return found >= 0 ? found : Math.max(0, -found - 2);
    }

    /** Lines {@code [first, first + count)} as they are in the file, at most {@code limit} of them. */
    List<String> excerpt(int first, int count, int limit) {
        return lines.subList(first, first + Math.min(count, limit));
    }
}
