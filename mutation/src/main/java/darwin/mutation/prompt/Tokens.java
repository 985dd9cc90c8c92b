package darwin.mutation.prompt;

import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Token counts estimated from text: one token per four characters, rounded up, which is close
 * for English and code under the tokenizers of current models and errs on the long side for
 * code. Budgets are therefore approximate by design; the model's own count is in its usage.
 */
public final class Tokens {

    private static final int CHARS_PER_TOKEN = 4;

    private Tokens() {}

    public static int estimate(CharSequence text) {
        return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** The longest prefix of the text within the budget, cut at a line end where possible. */
    static String cut(String text, int tokens) {
        int chars = tokens * CHARS_PER_TOKEN;
        if (text.length() <= chars) {
            return text;
        }
        int end = text.lastIndexOf('\n', chars);
        return text.substring(0, end > chars / 2 ? end : chars);
    }

    /**
     * The text within {@code tokens}: whole when it fits, else its head and its tail with the cut
     * marked between them ({@code [… 12,345 characters cut …]}), each end cut at a line end where
     * one is near. Both ends are kept because a reply or a log says what it is about at its start
     * and how it went wrong at its end.
     */
    public static String clip(String text, int tokens) {
        int chars = Math.max(0, tokens) * CHARS_PER_TOKEN;
        if (text.length() <= chars) {
            return text;
        }
        int room = Math.max(0, chars - marker(text.length()).length());
        int head = (room + 1) / 2;
        int lineEnd = text.lastIndexOf('\n', head - 1);
        if (lineEnd >= 0 && lineEnd + 1 > head / 2) {
            head = lineEnd + 1;
        }
        int tailLength = room / 2;
        int tail = text.length() - tailLength;
        int lineStart = text.indexOf('\n', tail);
        if (lineStart >= 0 && lineStart + 1 < tail + tailLength / 2) {
            tail = lineStart + 1;
        }
        String marker = marker(tail - head);
        return text.substring(0, head) + (head > 0 && text.charAt(head - 1) == '\n' ? marker.substring(1) : marker)
                + text.substring(tail);
    }

    private static String marker(int cut) {
        return String.format(Locale.ROOT, "\n[… %,d characters cut …]\n", cut);
    }

    /**
     * Shares {@code total} tokens among parts that want {@code wants} each: a part that wants less
     * than an even share gets what it wants, and what it leaves goes to the others evenly. So
     * short parts stay whole and only the long ones are clipped, each to the same size.
     *
     * @return what each part gets, in the order of {@code wants}; together at most {@code total}
     */
    public static int[] share(int total, int... wants) {
        int[] given = new int[wants.length];
        int[] order = IntStream.range(0, wants.length).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> wants[i])).mapToInt(Integer::intValue).toArray();
        int left = Math.max(0, total);
        for (int k = 0; k < order.length; k++) {
            int part = order[k];
            given[part] = Math.max(0, Math.min(wants[part], left / (order.length - k)));
            left -= given[part];
        }
        return given;
    }
}
