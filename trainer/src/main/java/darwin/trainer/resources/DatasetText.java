package darwin.trainer.resources;

import darwin.trainer.data.CharTokenizer;
import darwin.trainer.data.Corpus;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A dataset's text against the corpus's vocabulary. The vocabulary never grows: a character it
 * does not hold is dropped (and counted), so that every variant is measured on the same held-out
 * tokens with the same output size.
 */
public final class DatasetText {

    /** How many distinct dropped characters {@link Filtered#droppedCharacters} names at most. */
    static final int NAMED = 12;

    private DatasetText() {}

    /**
     * A text with the characters outside a vocabulary dropped.
     *
     * @param kept the text that trains
     * @param dropped how many characters (code points) were dropped
     * @param droppedCharacters the first {@value DatasetText#NAMED} distinct dropped characters, described
     *     ({@code 'é', U+000D}), in code-point order; empty when none were dropped
     */
    public record Filtered(String kept, long dropped, String droppedCharacters) {}

    /** Keeps the characters of {@code text} that the vocabulary holds. */
    public static Filtered filter(String text, CharTokenizer vocabulary) {
        StringBuilder kept = new StringBuilder(text.length());
        SortedSet<Integer> distinct = new TreeSet<>();
        long[] dropped = new long[1];
        text.codePoints().forEach(c -> {
            if (Character.isBmpCodePoint(c) && vocabulary.knows((char) c)) {
                kept.append((char) c);
            } else {
                dropped[0]++;
                distinct.add(c);
            }
        });
        StringBuilder named = new StringBuilder();
        distinct.stream().limit(NAMED).forEach(c -> named.append(named.isEmpty() ? "" : ", ").append(describe(c)));
        if (distinct.size() > NAMED) {
            named.append(" and ").append(distinct.size() - NAMED).append(" more");
        }
        return new Filtered(kept.toString(), dropped[0], named.toString());
    }

    /**
     * The tokens a training process gets: the corpus's training split, then each dataset's text in
     * the manifest's order, with characters outside the vocabulary dropped. The held-out split is
     * not touched.
     */
    public static int[] trainingTokens(Corpus corpus, List<String> datasets) {
        if (datasets.isEmpty()) {
            return corpus.trainTokens();
        }
        CharTokenizer vocabulary = corpus.tokenizer();
        List<int[]> parts = datasets.stream().map(text -> vocabulary.encode(filter(text, vocabulary).kept())).toList();
        long total = corpus.trainSize() + parts.stream().mapToLong(part -> part.length).sum();
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the training text would hold " + total + " tokens, more than an array can");
        }
        int[] tokens = new int[(int) total];
        int[] train = corpus.trainTokens();
        System.arraycopy(train, 0, tokens, 0, train.length);
        int at = train.length;
        for (int[] part : parts) {
            System.arraycopy(part, 0, tokens, at, part.length);
            at += part.length;
        }
        return tokens;
    }

    private static String describe(int c) {
        return Character.isISOControl(c) || Character.isWhitespace(c) || !Character.isDefined(c)
                ? String.format(Locale.ROOT, "U+%04X", c)
                : "'" + Character.toString(c) + "'";
    }
}
