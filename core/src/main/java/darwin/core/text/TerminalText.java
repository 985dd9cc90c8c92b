package darwin.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Text that a model wrote, or that a run's files hold, made safe to show: every character that a
 * terminal would act on instead of drawing it, or that reorders the text around it, is replaced by
 * a visible form, so that a summary cannot clear the screen, colour the rest of the output, set the
 * window's title, ring the bell, overwrite a line or make the text read in another order.
 *
 * <p>Visible forms: {@code \e} for ESC (the start of every escape sequence); {@code \xHH} for the
 * other C0 controls and DEL ({@code \x07} a bell, {@code \x0d} a carriage return, {@code \x00} a
 * NUL); {@code \}{@code uHHHH} for the C1 controls (the 8-bit CSI is {@code \}{@code u009b}),
 * the format characters (the bidirectional overrides, embeddings and isolates U+202A–U+202E and
 * U+2066–U+2069, the direction marks, a byte order mark), the line and paragraph separators and a
 * half of a surrogate pair standing alone; {@code \}{@code u{HHHHH}} for a format character beyond
 * U+FFFF. The zero-width joiner and non-joiner stay: they join letters and emoji, and move neither
 * the cursor nor the text's direction. A backslash is not doubled, so these forms are for reading;
 * the exact text is in the JSON outputs.
 *
 * <p>A tab becomes spaces to the next multiple of {@value #TAB_STOP} columns. {@link #lines} keeps
 * line breaks (LF, and CR LF); {@link #line} puts a text on one line, each run of line breaks with
 * the blanks around it becoming one space. A carriage return that does not end a line is shown.
 * Columns are counted in code points, as the command line's tables count them; {@link #cut}
 * shortens the shown text and never splits a visible form or a surrogate pair. The forms are
 * themselves plain text, so showing shown text again changes nothing.
 */
public final class TerminalText {

    /** Where a cut text ends. */
    public static final String ELLIPSIS = "…";

    /** Tab stops are this many columns apart. */
    public static final int TAB_STOP = 8;

    private static final int ESC = 0x1b;
    private static final int DEL = 0x7f;
    private static final int ZERO_WIDTH_NON_JOINER = 0x200c;
    private static final int ZERO_WIDTH_JOINER = 0x200d;
    private static final Pattern LINE_BREAKS = Pattern.compile("[ \\t]*(?:\\r?\\n[ \\t]*)+");

    private TerminalText() {}

    /** The text with its line breaks, every other character that would act shown; {@code null} shows as nothing. */
    public static String lines(String text) {
        StringBuilder out = new StringBuilder(text == null ? 0 : text.length());
        show(text, true, out::append);
        return out.toString();
    }

    /** The text on one line: line breaks and the blanks around them one space, every character that would act shown. */
    public static String line(String text) {
        StringBuilder out = new StringBuilder(text == null ? 0 : text.length());
        show(text, false, out::append);
        return out.toString();
    }

    /**
     * The text on one line ({@link #line}), in at most {@code max} columns: when it is wider, as
     * much of it as fits before an {@link #ELLIPSIS}, ending before a visible form or a character
     * that would not fit whole.
     */
    public static String cut(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a text cannot be cut to " + max + " columns: the ellipsis alone takes one");
        }
        List<String> units = new ArrayList<>();
        show(text, false, units::add);
        if (units.stream().mapToInt(TerminalText::width).sum() <= max) {
            return String.join("", units);
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (String unit : units) {
            int width = width(unit);
            if (used + width > max - 1) {
                break;
            }
            out.append(unit);
            used += width;
        }
        return out.append(ELLIPSIS).toString();
    }

    /** The columns a shown text takes on one line: its code points. */
    public static int width(String shown) {
        return shown.codePointCount(0, shown.length());
    }

    /**
     * JSON text with every character that would act on a terminal written as a {@code \}{@code uXXXX}
     * escape (a character beyond U+FFFF as its two halves), which JSON allows in strings, the only
     * place such a character can stand: the same JSON value, safe to print. The whitespace between
     * tokens (LF, CR, tab) stays. Jackson already escapes the C0 controls in strings, not DEL, the
     * C1 controls or the format characters.
     */
    public static String json(String json) {
        StringBuilder out = new StringBuilder(json.length());
        json.codePoints().forEach(c -> {
            if (needsVisibleForm(c) && c != '\n' && c != '\r' && c != '\t') {
                for (char half : Character.toChars(c)) {
                    out.append(String.format(Locale.ROOT, "\\u%04x", (int) half));
                }
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /**
     * Whether a code point is one that a terminal or a text layout acts on instead of drawing it: a
     * control (C0, DEL, C1), a format character other than the zero-width joiner and non-joiner, a
     * line or paragraph separator, or a surrogate standing alone.
     */
    public static boolean needsVisibleForm(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            case Character.FORMAT -> codePoint != ZERO_WIDTH_JOINER && codePoint != ZERO_WIDTH_NON_JOINER;
            default -> false;
        };
    }

    /** Hands each shown piece of the text to {@code unit}: a character, a visible form, a tab's spaces or a line break. */
    private static void show(String text, boolean multiLine, Consumer<String> unit) {
        if (text == null) {
            return;
        }
        String source = multiLine ? text : LINE_BREAKS.matcher(text).replaceAll(" ");
        int column = 0;
        int i = 0;
        while (i < source.length()) {
            int c = source.codePointAt(i);
            int next = i + Character.charCount(c);
            String shown;
            if (multiLine && c == '\n') {
                shown = "\n";
            } else if (multiLine && c == '\r' && next < source.length() && source.charAt(next) == '\n') {
                shown = "\r\n";
                next++;
            } else if (c == '\t') {
                shown = " ".repeat(TAB_STOP - column % TAB_STOP);
            } else if (needsVisibleForm(c)) {
                shown = visible(c);
            } else {
                shown = source.substring(i, next);
            }
            column = shown.endsWith("\n") ? 0 : column + width(shown);
            unit.accept(shown);
            i = next;
        }
    }

    private static String visible(int c) {
        if (c == ESC) {
            return "\\e";
        }
        if (c < 0x20 || c == DEL) {
            return String.format(Locale.ROOT, "\\x%02x", c);
        }
        return c <= 0xffff ? String.format(Locale.ROOT, "\\u%04x", c) : String.format(Locale.ROOT, "\\u{%x}", c);
    }
}
