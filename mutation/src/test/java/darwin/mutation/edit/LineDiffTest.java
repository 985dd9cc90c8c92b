package darwin.mutation.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import darwin.mutation.edit.LineDiff.Kind;
import darwin.mutation.edit.LineDiff.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The line diff is a correct script between the two lists, and a shortest one. */
class LineDiffTest {

    @Test
    void givesAShortestScriptBetweenRandomLists() {
        Random random = new Random(20261122);
        for (int trial = 0; trial < 2_000; trial++) {
            List<String> a = randomLines(random);
            List<String> b = randomLines(random);

            List<Step> steps = LineDiff.between(a, b);

            assertEquals(a, steps.stream().filter(s -> s.kind() != Kind.INSERT).map(Step::line).toList());
            assertEquals(b, steps.stream().filter(s -> s.kind() != Kind.DELETE).map(Step::line).toList());
            long kept = steps.stream().filter(s -> s.kind() == Kind.KEEP).count();
            assertEquals(longestCommonSubsequence(a, b), kept, () -> a + " → " + b);
        }
    }

    @Test
    void fallsBackToRemoveThenAddPastTheLimit() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < LineDiff.MAX_DIFFERENCES; i++) {
            a.add("a" + i);
            b.add("b" + i);
        }

        List<Step> steps = LineDiff.between(a, b);

        assertEquals(a, steps.subList(0, a.size()).stream().map(Step::line).toList());
        assertEquals(b, steps.subList(a.size(), steps.size()).stream().map(Step::line).toList());
    }

    private static List<String> randomLines(Random random) {
        List<String> lines = new ArrayList<>();
        int size = random.nextInt(12);
        for (int i = 0; i < size; i++) {
            lines.add(String.valueOf((char) ('a' + random.nextInt(3))));
        }
        return lines;
    }

    private static int longestCommonSubsequence(List<String> a, List<String> b) {
        int[][] table = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                table[i][j] = a.get(i - 1).equals(b.get(j - 1))
                        ? table[i - 1][j - 1] + 1
                        : Math.max(table[i - 1][j], table[i][j - 1]);
            }
        }
        return table[a.size()][b.size()];
    }
}
