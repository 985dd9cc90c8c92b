package darwin.mutation.edit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A shortest edit script between two lists of lines: Myers' O((N+M)D) greedy algorithm ("An
 * O(ND) Difference Algorithm and Its Variations", 1986), after the common head and tail are set
 * aside. It keeps one row of the search per difference, so its memory grows as D²; past
 * {@link #MAX_DIFFERENCES} differences the middle is given as all removed, then all added — still
 * a correct script, just not the shortest.
 */
final class LineDiff {

    /** The most differences searched for a shortest script. */
    static final int MAX_DIFFERENCES = 2_000;

    enum Kind { KEEP, DELETE, INSERT }

    /** One line of the script. */
    record Step(Kind kind, String line) {
    }

    private LineDiff() {
    }

    static List<Step> between(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Step> steps = new ArrayList<>(a.size() + b.size());
        a.subList(0, head).forEach(line -> steps.add(new Step(Kind.KEEP, line)));
        steps.addAll(middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail)));
        a.subList(a.size() - tail, a.size()).forEach(line -> steps.add(new Step(Kind.KEEP, line)));
        return steps;
    }

    private static List<Step> middle(List<String> x, List<String> y) {
        int n = x.size();
        int m = y.size();
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= Math.min(max, MAX_DIFFERENCES); d++) {
            trace.add(Arrays.copyOfRange(v, offset - d - 1, offset + d + 2));
            for (int k = -d; k <= d; k += 2) {
                int xk = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                        ? v[offset + k + 1]
                        : v[offset + k - 1] + 1;
                int yk = xk - k;
                while (xk < n && yk < m && x.get(xk).equals(y.get(yk))) {
                    xk++;
                    yk++;
                }
                v[offset + k] = xk;
                if (xk >= n && yk >= m) {
                    return backtrack(trace, x, y);
                }
            }
        }
        List<Step> steps = new ArrayList<>(n + m);
        x.forEach(line -> steps.add(new Step(Kind.DELETE, line)));
        y.forEach(line -> steps.add(new Step(Kind.INSERT, line)));
        return steps;
    }

    /** Walks back from the end through the rows kept before each difference. */
    private static List<Step> backtrack(List<int[]> trace, List<String> x, List<String> y) {
        List<Step> steps = new ArrayList<>();
        int xk = x.size();
        int yk = y.size();
        for (int d = trace.size() - 1; d >= 0; d--) {
            int[] row = trace.get(d);
            int base = d + 1;
            int k = xk - yk;
            int previousK = k == -d || (k != d && row[base + k - 1] < row[base + k + 1]) ? k + 1 : k - 1;
            int previousX = row[base + previousK];
            int previousY = previousX - previousK;
            while (xk > previousX && yk > previousY) {
                steps.add(new Step(Kind.KEEP, x.get(xk - 1)));
                xk--;
                yk--;
            }
            if (d > 0) {
                steps.add(xk == previousX ? new Step(Kind.INSERT, y.get(previousY)) : new Step(Kind.DELETE, x.get(previousX)));
            }
            xk = previousX;
            yk = previousY;
        }
        Collections.reverse(steps);
        return steps;
    }
}
