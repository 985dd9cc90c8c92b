package darwin.mutation.edit;

import java.util.List;

/**
 * Moves a replacement to the indentation of the lines it replaces, when the model wrote the
 * search text with another indentation than the file's.
 *
 * <p>The rule, kept simple: let {@code from} be the leading whitespace of the search text's first
 * non-blank line and {@code to} that of the first non-blank line it matched. A replacement line
 * that starts with {@code from} gets {@code to} in its place; a line less indented than
 * {@code from} is shifted by the difference in width (padded with {@code to}'s first character, or
 * stripped of leading whitespace); blank lines are left alone. Relative indentation within the
 * replacement is kept.
 */
final class Indentation {

    private Indentation() {
    }

    /** The leading whitespace of a line. */
    static String of(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }

    /** The leading whitespace of the first non-blank line, or nothing. */
    static String first(List<String> lines) {
        return lines.stream().filter(line -> !line.isBlank()).findFirst().map(Indentation::of).orElse("");
    }

    static List<String> shift(List<String> lines, String from, String to) {
        if (from.equals(to)) {
            return lines;
        }
        int delta = to.length() - from.length();
        return lines.stream().map(line -> {
            if (line.isBlank()) {
                return line;
            }
            if (line.startsWith(from)) {
                return to + line.substring(from.length());
            }
            if (delta > 0) {
                return String.valueOf(to.charAt(0)).repeat(delta) + line;
            }
            int strip = Math.min(-delta, of(line).length());
            return line.substring(strip);
        }).toList();
    }
}
