package darwin.runs.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Near misses: the known word closest to a misspelt one, for "did you mean" hints. */
final class Spelling {

    private Spelling() {}

    /**
     * The candidate closest to {@code word} by edit distance, if it is close enough to be what was
     * meant: at most two edits, or a third of the word's length when that is more, or a candidate of
     * which the word is the start (or the other way round, three letters at least).
     */
    static Optional<String> closest(String word, Collection<String> candidates) {
        return candidates.stream()
                .filter(c -> close(word, c))
                .min(Comparator.comparingInt((String c) -> distance(word, c)).thenComparing(Comparator.naturalOrder()));
    }

    static boolean close(String word, String candidate) {
        int shorter = Math.min(word.length(), candidate.length());
        boolean prefix = shorter >= 3 && (candidate.startsWith(word) || word.startsWith(candidate));
        return prefix || distance(word, candidate) <= Math.max(2, word.length() / 3);
    }

    /** The Levenshtein distance between {@code a} and {@code b}, ignoring case. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
