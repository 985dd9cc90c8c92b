package darwin.mutation.reply;

/** Short quotations of a reply for error messages: one line, cut to a readable length. */
final class Excerpts {

    /** The longest excerpt quoted in a message, in characters. */
    static final int WIDTH = 80;

    private Excerpts() {
    }

    /** The text on one line, cut to {@link #WIDTH} characters with an ellipsis, in backticks. */
    static String quote(String text) {
        String line = text.strip().replace('\n', ' ').replace('\t', ' ');
        if (line.length() > WIDTH) {
            line = line.substring(0, WIDTH - 1) + "…";
        }
        return "`" + line + "`";
    }

    /** The 1-based line of a character offset. */
    static int lineOf(String text, int offset) {
        int line = 1;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The 1-based column of a character offset. */
    static int columnOf(String text, int offset) {
        int end = Math.min(offset, text.length());
        return end - (text.lastIndexOf('\n', end - 1) + 1) + 1;
    }

    /**
     * The line that holds an offset, cut around the offset to {@link #WIDTH} characters, quoted,
     * and followed by a caret line under the offset.
     */
    static String pointAt(String text, int offset) {
        int at = Math.max(0, Math.min(offset, text.length()));
        int start = text.lastIndexOf('\n', at - 1) + 1;
        int end = text.indexOf('\n', at);
        String line = text.substring(start, end < 0 ? text.length() : end).replace('\t', ' ');
        int column = at - start;
        int from = Math.max(0, Math.min(column - WIDTH / 2, line.length() - WIDTH));
        int to = Math.min(line.length(), from + WIDTH);
        String cut = line.substring(from, to);
        return "    " + cut + "\n    " + " ".repeat(Math.max(0, column - from)) + "^";
    }
}
