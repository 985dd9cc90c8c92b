package darwin.trainer.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.trainer.data.Corpus;
import darwin.trainer.data.HeldOutWindows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a scoring plan shows a model, and that its checking rows look like the windows they check. */
class ScoringPlanTest {

    private static final HeldOutWindows WINDOWS = Corpus.tinyShakespeare().heldOutWindows(64, HeldOutWindows.DEFAULT_EVERY);

    private static int[] row(ScoringPlan plan, int batch, int row) {
        ScoringBatches batches = plan.batches();
        int at = (batch * batches.rows() + row) * batches.length();
        return Arrays.copyOfRange(batches.tokens(), at, at + batches.length());
    }

    private static int[] checkRow(ScoringPlan plan, int row) {
        int length = plan.checkBatches().length();
        return Arrays.copyOfRange(plan.checkBatches().tokens(), row * length, (row + 1) * length);
    }

    private static int[] window(int window) {
        long[] inputs = new long[WINDOWS.length()];
        WINDOWS.copy(new int[] {window}, 0, WINDOWS.length(), inputs, new long[WINDOWS.length()]);
        return Arrays.stream(inputs).mapToInt(token -> (int) token).toArray();
    }

    @Test
    void everyWindowIsScoredOnceAmongChecksInBatchesOfOneShape() {
        ScoringPlan plan = ScoringPlan.draw(WINDOWS, 11);
        ScoringBatches batches = plan.batches();
        assertEquals(ScoringPlan.BATCH_ROWS, batches.rows());
        assertEquals(64, batches.length());
        int[] scored = new int[WINDOWS.count()];
        int probes = 0;
        int again = 0;
        for (int b = 0; b < batches.batches(); b++) {
            assertEquals(batches.rows(), plan.rows(b).size());
            if (b == plan.repeat()) {
                continue;
            }
            for (int r = 0; r < batches.rows(); r++) {
                switch (plan.rows(b).get(r)) {
                    case ScoringPlan.Scored s -> {
                        scored[s.window()]++;
                        assertArrayEquals(window(s.window()), row(plan, b, r));
                    }
                    case ScoringPlan.Again a -> {
                        again++;
                        assertArrayEquals(window(a.window()), row(plan, b, r));
                    }
                    case ScoringPlan.Probe p -> probes++;
                }
            }
        }
        for (int count : scored) {
            assertEquals(1, count);
        }
        assertEquals(0, probes, "probes are the second process's");
        assertTrue(again >= ScoringPlan.AGAIN, "at least " + ScoringPlan.AGAIN + " windows again: " + again);
        assertEquals(WINDOWS.count() + again, (batches.batches() - 1) * batches.rows(), "one batch is a repeat");
        ScoringBatches checks = plan.checkBatches();
        assertEquals(List.of(1, batches.rows(), batches.length()), List.of(checks.batches(), checks.rows(), checks.length()));
        assertEquals(ScoringPlan.PROBES, plan.checkRows(0).stream().filter(ScoringPlan.Probe.class::isInstance).count());
        assertTrue(plan.checkRows(0).stream().noneMatch(ScoringPlan.Scored.class::isInstance), "nothing is scored there");
    }

    @Test
    void theSecondProcessNeverSeesTheTextAProbeReplaced() {
        for (long seed = 0; seed < 20; seed++) {
            ScoringPlan plan = ScoringPlan.draw(WINDOWS, seed);
            List<ScoringPlan.Row> checks = plan.checkRows(0);
            List<Integer> probed = checks.stream().filter(ScoringPlan.Probe.class::isInstance).map(ScoringPlan.Row::window)
                    .toList();
            assertEquals(probed.size(), probed.stream().distinct().count(), "each probe copies another window");
            for (int r = 0; r < checks.size(); r++) {
                if (checks.get(r) instanceof ScoringPlan.Again again) {
                    assertTrue(!probed.contains(again.window()), "window " + again.window() + " is probed and shown whole");
                }
                // a run long enough not to occur in another window by chance
                if (checks.get(r) instanceof ScoringPlan.Probe probe && WINDOWS.length() - probe.cut() > 24) {
                    int[] tokens = checkRow(plan, r);
                    for (int window : probed) {
                        String continuation = Arrays.toString(Arrays.copyOfRange(window(window), 1, WINDOWS.length()));
                        String rest = Arrays.toString(Arrays.copyOfRange(tokens, probe.cut() + 1, tokens.length));
                        assertTrue(!continuation.contains(rest.substring(1, rest.length() - 1)),
                                "a probe's replacement text is probed window " + window + "'s");
                    }
                }
            }
        }
    }

    @Test
    void theRepeatIsItsBatchAgainAndAWindowAgainIsElsewhere() {
        ScoringPlan plan = ScoringPlan.draw(WINDOWS, 12);
        assertNotEquals(plan.repeat(), plan.repeated());
        for (int r = 0; r < plan.batches().rows(); r++) {
            assertArrayEquals(row(plan, plan.repeated(), r), row(plan, plan.repeat(), r));
        }
        List<Integer> batchOf = new ArrayList<>(java.util.Collections.nCopies(WINDOWS.count(), -1));
        for (int b = 0; b < plan.batches().batches(); b++) {
            for (ScoringPlan.Row row : plan.rows(b)) {
                if (row instanceof ScoringPlan.Scored && b != plan.repeat()) {
                    batchOf.set(row.window(), b);
                }
            }
        }
        for (int b = 0; b < plan.batches().batches(); b++) {
            for (ScoringPlan.Row row : plan.rows(b)) {
                if (row instanceof ScoringPlan.Again && b != plan.repeat()) {
                    assertNotEquals(b, batchOf.get(row.window()), "window " + row.window() + " again in its own batch");
                }
            }
        }
    }

    @Test
    void aProbeIsItsWindowUpToTheCutThenOtherHeldOutText() {
        ScoringPlan plan = ScoringPlan.draw(WINDOWS, 13);
        int[] split = Corpus.tinyShakespeare().heldOutTokens();
        String text = Arrays.toString(split);
        for (int b = 0; b < plan.checkBatches().batches(); b++) {
            for (int r = 0; r < plan.checkBatches().rows(); r++) {
                if (plan.checkRows(b).get(r) instanceof ScoringPlan.Probe probe) {
                    int[] tokens = checkRow(plan, r);
                    int[] original = window(probe.window());
                    int cut = probe.cut();
                    assertArrayEquals(Arrays.copyOf(original, cut + 1), Arrays.copyOf(tokens, cut + 1));
                    assertNotEquals(original[cut + 1], tokens[cut + 1], "the token right after the cut is another");
                    String replaced = Arrays.toString(Arrays.copyOfRange(tokens, cut + 1, tokens.length));
                    assertTrue(text.contains(replaced.substring(1, replaced.length() - 1)), "a run of the held-out split");
                }
            }
        }
    }

    @Test
    void theSameSeedIsTheSamePlanAndAnotherSeedAnotherOrder() {
        assertArrayEquals(ScoringPlan.draw(WINDOWS, 5).batches().tokens(), ScoringPlan.draw(WINDOWS, 5).batches().tokens());
        assertNotEquals(Arrays.toString(row(ScoringPlan.draw(WINDOWS, 5), 0, 0)),
                Arrays.toString(row(ScoringPlan.draw(WINDOWS, 6), 0, 0)));
    }

    @Test
    void fewWindowsMakeSmallerBatchesAndWindowsOfOneTokenNoProbes() {
        int[] tokens = new int[41];
        Arrays.setAll(tokens, i -> i % 7);
        ScoringPlan small = ScoringPlan.draw(new HeldOutWindows(tokens, 8), 1);
        assertEquals(5, small.batches().rows());
        assertEquals(4, small.checkRows(0).stream().filter(ScoringPlan.Probe.class::isInstance).count(),
                "one row of the second process's batch is a window again");
        ScoringPlan single = ScoringPlan.draw(new HeldOutWindows(tokens, 1), 1);
        assertTrue(single.checkRows(0).stream().noneMatch(row -> row instanceof ScoringPlan.Probe));
        ScoringPlan one = ScoringPlan.draw(new HeldOutWindows(Arrays.copyOf(tokens, 9), 8), 1);
        assertEquals(List.of(new ScoringPlan.Again(0)), one.checkRows(0));
    }
}
