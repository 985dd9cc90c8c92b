package darwin.memory.query;

import darwin.memory.Attempt;
import java.util.Comparator;

/** Orders for attempts and for the names in a run. */
public final class Attempts {

    /**
     * Text order in which runs of digits compare by value: {@code agent-2} before {@code agent-10},
     * {@code g2-s1} before {@code g10-s0}.
     */
    public static final Comparator<String> NATURAL = Attempts::compareNatural;

    /** By generation, then by proposal key in {@link #NATURAL} order: the order they were proposed in. */
    public static final Comparator<Attempt> ORDER =
            Comparator.comparingInt(Attempt::generation).thenComparing(Attempt::proposal, NATURAL);

    private Attempts() {}

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (isDigit(x) && isDigit(y)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                String da = a.substring(i, endA).replaceFirst("^0+(?=.)", "");
                String db = b.substring(j, endB).replaceFirst("^0+(?=.)", "");
                int byValue = da.length() != db.length() ? Integer.compare(da.length(), db.length()) : da.compareTo(db);
                if (byValue != 0) {
                    return byValue;
                }
                i = endA;
                j = endB;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }
}
