package darwin.mutation.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bit-parallel distance agrees with the table, at every length up to a word and past it. */
class EditDistanceTest {

    private static final String LETTERS = "ab c;(é→";

    @Test
    void agreesWithTheTableOnRandomStrings() {
        Random random = new Random(7);
        for (int trial = 0; trial < 5_000; trial++) {
            String a = random(random, random.nextInt(70));
            String b = random(random, random.nextInt(70));

            assertEquals(table(a, b), new EditDistance(a).to(b), () -> "'" + a + "' → '" + b + "'");
        }
    }

    @Test
    void countsSingleEdits() {
        assertEquals(1, new EditDistance("lr = 6e-4;").to("lr = 3e-4;"));
        assertEquals(1, new EditDistance("lr = 6e-4;").to("lr = 6e-4"));
        assertEquals(3, new EditDistance("kitten").to("sitting"));
        assertEquals(5, new EditDistance("").to("abcde"));
        assertEquals(64, new EditDistance("a".repeat(64)).to("b".repeat(64)));
        assertEquals(65, new EditDistance("a".repeat(65)).to("b".repeat(65)));
    }

    private static String random(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return text.toString();
    }

    private static int table(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
            }
        }
        return d[a.length()][b.length()];
    }
}
