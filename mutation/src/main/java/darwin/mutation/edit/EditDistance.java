package darwin.mutation.edit;

import java.util.HashMap;
import java.util.Map;

/**
 * Levenshtein distance (insertions, deletions and substitutions of one character) from one string
 * to many others.
 *
 * <p>For a string of at most 64 characters the distance is computed with Hyyrö's bit-parallel
 * form of Myers' algorithm (Hyyrö 2003, "A bit-vector algorithm for computing Levenshtein and
 * Damerau edit distances"): one word of bits per column, so comparing with a string of length n
 * takes n steps. Longer strings use the two-row table, |a|·n steps. {@link #steps(int)} says which.
 */
final class EditDistance {

    /** The longest string the bit-parallel form takes. */
    static final int WORD = Long.SIZE;

    private final String from;
    private final long[] ascii;
    private final Map<Character, Long> others;

    EditDistance(String from) {
        this.from = from;
        if (from.length() > WORD) {
            this.ascii = null;
            this.others = Map.of();
            return;
        }
        this.ascii = new long[128];
        Map<Character, Long> others = new HashMap<>();
        for (int i = 0; i < from.length(); i++) {
            char c = from.charAt(i);
            if (c < 128) {
                ascii[c] |= 1L << i;
            } else {
                others.merge(c, 1L << i, (x, y) -> x | y);
            }
        }
        this.others = others;
    }

    /** The steps a comparison with a string of {@code length} characters takes. */
    long steps(int length) {
        return ascii == null ? (long) from.length() * length : length;
    }

    /** The distance from this string to {@code to}. */
    int to(String to) {
        if (from.equals(to)) {
            return 0;
        }
        if (from.isEmpty() || to.isEmpty()) {
            return Math.max(from.length(), to.length());
        }
        return ascii == null ? table(from, to) : bits(to);
    }

    private int bits(String to) {
        long vp = -1L;
        long vn = 0L;
        long last = 1L << (from.length() - 1);
        int distance = from.length();
        for (int j = 0; j < to.length(); j++) {
            char c = to.charAt(j);
            long match = c < 128 ? ascii[c] : others.getOrDefault(c, 0L);
            long x = match | vn;
            long d0 = (((x & vp) + vp) ^ vp) | x;
            long hp = vn | ~(d0 | vp);
            long hn = d0 & vp;
            if ((hp & last) != 0) {
                distance++;
            } else if ((hn & last) != 0) {
                distance--;
            }
            hp = (hp << 1) | 1L;
            hn = hn << 1;
            vp = hn | ~(d0 | hp);
            vn = hp & d0;
        }
        return distance;
    }

    private static int table(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
