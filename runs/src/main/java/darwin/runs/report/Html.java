package darwin.runs.report;

import darwin.core.text.TerminalText;
import java.util.Locale;

/**
 * Text made safe for an HTML page. Everything a run wrote (ids, summaries, reasoning, diffs,
 * request texts: much of it from an LLM) goes through {@link #text}, so that none of it can open
 * an element, close one, or end an attribute. Control and format characters are shown first, as
 * {@link TerminalText#lines} shows them on a terminal ({@code \e}, {@code \x07},
 * {@code \}{@code u202e}): a bidirectional override cannot reorder the page's text, and what the
 * page shows is what {@code darwin memory} shows.
 */
final class Html {

    private Html() {}

    /** The text with its control characters shown, escaped for element content and for quoted attribute values. */
    static String text(String text) {
        String shown = TerminalText.lines(text);
        StringBuilder out = new StringBuilder(shown.length() + 16);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A perplexity, three decimals; a dash for none. */
    static String perplexity(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "–";
    }

    /** An MFU fraction as a percentage, one decimal; a dash for none. */
    static String mfu(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f%%", 100 * value) : "–";
    }

    /** A relative change as a signed percentage, one decimal; empty for none. */
    static String change(double relative) {
        return Double.isFinite(relative) ? String.format(Locale.ROOT, "%+.1f%%", 100 * relative) : "";
    }

    /** US dollars, two decimals (four under a cent). */
    static String dollars(double value) {
        return String.format(Locale.ROOT, value > 0 && value < 0.01 ? "$%.4f" : "$%.2f", value);
    }

    /**
     * A unified diff as lines, each escaped and marked by its kind (file header, hunk, added,
     * removed, context) for the page's colours. The lines are block elements, so no newline
     * stands between them.
     */
    static String diff(String diff) {
        StringBuilder out = new StringBuilder();
        String body = diff.endsWith("\n") ? diff.substring(0, diff.length() - 1) : diff;
        for (String line : body.split("\n", -1)) {
            String kind = line.startsWith("+++") || line.startsWith("---") ? "file"
                    : line.startsWith("@@") ? "hunk"
                    : line.startsWith("+") ? "add"
                    : line.startsWith("-") ? "del" : "ctx";
            out.append("<span class=\"").append(kind).append("\">").append(text(line)).append("</span>");
        }
        return out.toString();
    }
}
