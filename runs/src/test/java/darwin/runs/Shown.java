package darwin.runs;

import static org.junit.jupiter.api.Assertions.fail;

import darwin.core.text.TerminalText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Model text with every kind of character a terminal acts on, and checks that output shows none of them raw. */
final class Shown {

    /**
     * Colours, a screen clear, a window title (OSC, ended by BEL), a bell, a backspace, a carriage
     * return that would overwrite the line, a NUL, bidi overrides and isolates, the 8-bit CSI, DEL.
     */
    static final String HOSTILE = "\u001b[31mred\u001b[0m \u001b[2J\u001b]0;owned\u0007 bell\u0007 back\bspace cr\rover"
            + " nul\0 \u202eevil\u202c \u2066iso\u2069 csi\u009b2J del\u007f";

    /** The raw characters of {@link #HOSTILE}, none of which may reach a terminal. */
    static final String RAW = "\u001b\u0007\b\r\0\u202e\u202c\u2066\u2069\u009b\u007f";

    private static final Pattern BACKSLASH = Pattern.compile("\\\\(?:e|x[0-9a-f]{2}|u[0-9a-f]{4}|u\\{[0-9a-f]+\\}|)");

    private Shown() {}

    /**
     * Fails unless {@code output} holds no character a terminal would act on, but for line breaks
     * (LF, and CR LF where a CSV record ends).
     */
    static void assertSafe(String output) {
        for (int i = 0; i < output.length(); i = output.offsetByCodePoints(i, 1)) {
            int c = output.codePointAt(i);
            boolean lineBreak = c == '\n' || c == '\r' && i + 1 < output.length() && output.charAt(i + 1) == '\n';
            if (TerminalText.needsVisibleForm(c) && !lineBreak) {
                fail(String.format("U+%04X reaches the terminal at %d of:%n%s", c, i, TerminalText.lines(output)));
            }
        }
    }

    /** Fails unless every backslash in {@code output} starts a whole visible form: nothing was cut in half. */
    static void assertWholeForms(String output) {
        Matcher m = BACKSLASH.matcher(output);
        while (m.find()) {
            if (m.group().length() == 1) {
                fail("a visible form cut in half at " + m.start() + " of:\n" + output);
            }
        }
    }
}
