package darwin.mutation.prompt;

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
}
