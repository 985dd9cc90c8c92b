package darwin.trainer.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.EvaluationStatus;
import darwin.trainer.data.HeldOutWindows;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The trusted judge of a model's logits, fed by hand-made "models" (functions from a batch of
 * tokens to logits) without an engine: the loss it computes, and every check it makes.
 */
class HeldOutEvaluatorTest {

    private static final int V = 5;
    private static final int L = 8;
    private static final HeldOutWindows WINDOWS = windows();
    /** The bigram table of the honest model: the logits of a token are its row. */
    private static final float[][] TABLE = table();

    /** A model as the judge sees it: the logits of one batch, given its tokens and how many calls came before. */
    @FunctionalInterface
    private interface Model {
        float[] logits(int[] tokens, int rows, int call);
    }

    private static HeldOutWindows windows() {
        SplittableRandom random = new SplittableRandom(3);
        int[] tokens = new int[L * 150 + 1];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = random.nextInt(V);
        }
        return new HeldOutWindows(tokens, L);
    }

    private static float[][] table() {
        SplittableRandom random = new SplittableRandom(4);
        float[][] table = new float[V][V];
        for (float[] row : table) {
            for (int v = 0; v < V; v++) {
                row[v] = (float) (4 * random.nextDouble() - 2);
            }
        }
        return table;
    }

    private static float[] bigram(int[] tokens, int shift) {
        float[] logits = new float[tokens.length * V];
        for (int i = 0; i < tokens.length; i++) {
            int position = i % L;
            int source = position + shift < L ? i + shift : i;
            System.arraycopy(TABLE[tokens[source]], 0, logits, i * V, V);
        }
        return logits;
    }

    private static final Model HONEST = (tokens, rows, call) -> bigram(tokens, 0);

    /** Runs a model over a plan and judges it. */
    private static HeldOutEvaluator.Verdict judge(Model model, long seed) {
        return judge(() -> model, seed);
    }

    /** Runs a model over a plan, a fresh one from {@code process} for each scoring process, and judges it. */
    private static HeldOutEvaluator.Verdict judge(Supplier<Model> process, long seed) {
        ScoringPlan plan = ScoringPlan.draw(WINDOWS, seed);
        HeldOutEvaluator evaluator = new HeldOutEvaluator(plan, V);
        int calls = run(process.get(), plan.batches(), 0, evaluator::accept);
        run(process.get(), plan.checkBatches(), calls, evaluator::acceptCheck);
        return evaluator.verdict();
    }

    private static int run(Model model, ScoringBatches batches, int calls, Consumer<float[]> judge) {
        int size = batches.rows() * batches.length();
        for (int b = 0; b < batches.batches(); b++) {
            int[] tokens = java.util.Arrays.copyOfRange(batches.tokens(), b * size, (b + 1) * size);
            judge.accept(model.logits(tokens, batches.rows(), calls++));
        }
        return calls;
    }

    /** The mean cross-entropy of the honest bigram over every window, computed directly. */
    private static double honestLoss() {
        long[] inputs = new long[L];
        long[] targets = new long[L];
        double total = 0;
        for (int w = 0; w < WINDOWS.count(); w++) {
            WINDOWS.copy(new int[] {w}, 0, L, inputs, targets);
            for (int t = 0; t < L; t++) {
                float[] row = TABLE[(int) inputs[t]];
                double sum = 0;
                for (float logit : row) {
                    sum += Math.exp(logit);
                }
                total += Math.log(sum) - row[(int) targets[t]];
            }
        }
        return total / WINDOWS.predictions();
    }

    private static HeldOutEvaluator.Rejected rejected(HeldOutEvaluator.Verdict verdict, EvaluationStatus status) {
        HeldOutEvaluator.Rejected rejected = assertInstanceOf(HeldOutEvaluator.Rejected.class, verdict);
        assertEquals(status, rejected.status(), rejected.reason());
        return rejected;
    }

    @Test
    void anHonestModelScoresItsCrossEntropyWhateverThePlan() {
        double expected = honestLoss();
        for (long seed = 0; seed < 5; seed++) {
            HeldOutEvaluator.Measured measured = assertInstanceOf(HeldOutEvaluator.Measured.class, judge(HONEST, seed));
            assertEquals(expected, measured.valLoss(), 1e-12, "seed " + seed);
        }
    }

    @Test
    void honestKernelsThatDifferBetweenBatchesInTheLastDigitsPass() {
        Model noisy = (tokens, rows, call) -> {
            float[] logits = bigram(tokens, 0);
            SplittableRandom random = new SplittableRandom(call);
            for (int i = 0; i < logits.length; i++) {
                logits[i] *= (float) (1 + 1e-6 * (random.nextDouble() - 0.5));
            }
            return logits;
        };
        HeldOutEvaluator.Measured measured = assertInstanceOf(HeldOutEvaluator.Measured.class, judge(noisy, 1));
        assertEquals(honestLoss(), measured.valLoss(), 1e-5);
    }

    @Test
    void lookingAheadIsAViolation() {
        String reason = rejected(judge((tokens, rows, call) -> bigram(tokens, 1), 1), EvaluationStatus.VIOLATION).reason();
        assertTrue(reason.startsWith("the model looks ahead: changing the tokens after position"), reason);
    }

    /**
     * A model that looks ahead and remembers the rows it answered: a row that starts as a
     * remembered one gets the remembered logits over the prefix they share.
     */
    private static Model memoizing() {
        List<int[]> rows = new ArrayList<>();
        List<float[]> answers = new ArrayList<>();
        return (tokens, count, call) -> {
            float[] logits = bigram(tokens, 1);
            for (int r = 0; r < count; r++) {
                int[] row = java.util.Arrays.copyOfRange(tokens, r * L, (r + 1) * L);
                int best = -1;
                int shared = 0;
                for (int m = 0; m < rows.size(); m++) {
                    int k = java.util.Arrays.mismatch(rows.get(m), row);
                    k = k < 0 ? L : k;
                    if (k > shared) {
                        shared = k;
                        best = m;
                    }
                }
                if (best >= 0) {
                    System.arraycopy(answers.get(best), 0, logits, r * L * V, shared * V);
                }
                rows.add(row);
                answers.add(java.util.Arrays.copyOfRange(logits, r * L * V, (r + 1) * L * V));
            }
            return logits;
        };
    }

    @Test
    void aModelThatAnswersAProbeFromMemoryOfItsWindowLooksAheadAcrossProcesses() {
        Model shared = memoizing();
        assertInstanceOf(HeldOutEvaluator.Measured.class, judge(() -> shared, 1),
                "one memory over both processes replays the windows' logits to the probes");
        for (long seed = 0; seed < 5; seed++) {
            // its memories differ between the processes: a probe, or a window again, shows it first
            String reason = rejected(judge(HeldOutEvaluatorTest::memoizing, seed), EvaluationStatus.VIOLATION).reason();
            assertTrue(reason.startsWith("the model looks ahead") || reason.startsWith("the model mixes"), reason);
        }
    }

    @Test
    void mixingTheRowsOfABatchIsAViolation() {
        Model mixing = (tokens, rows, call) -> {
            float[] logits = bigram(tokens, 0);
            int size = logits.length / rows;
            float[] mean = new float[size];
            for (int i = 0; i < logits.length; i++) {
                mean[i % size] += logits[i] / rows;
            }
            for (int i = 0; i < logits.length; i++) {
                logits[i] += 0.1f * mean[i % size];
            }
            return logits;
        };
        String reason = rejected(judge(mixing, 1), EvaluationStatus.VIOLATION).reason();
        assertTrue(reason.startsWith("the model mixes the sequences of a batch"), reason);
    }

    @Test
    void stateCarriedFromCallToCallIsAViolation() {
        Model learning = (tokens, rows, call) -> {
            float[] logits = bigram(tokens, 0);
            for (int i = 0; i < logits.length; i++) {
                logits[i] += 0.01f * call * (i % V);
            }
            return logits;
        };
        String reason = rejected(judge(learning, 1), EvaluationStatus.VIOLATION).reason();
        assertTrue(reason.startsWith("the model carries state from one call to the next"), reason);
    }

    @Test
    void aNonFiniteLogitAnywhereIsDivergedBeforeAnyCheck() {
        Model nan = (tokens, rows, call) -> {
            float[] logits = bigram(tokens, 1); // it looks ahead too: the NaN is named first
            if (call == 2) {
                logits[7] = Float.NaN;
                logits[8] = Float.NEGATIVE_INFINITY;
            }
            return logits;
        };
        String reason = rejected(judge(nan, 1), EvaluationStatus.DIVERGED).reason();
        assertTrue(reason.startsWith("the trained model's logits are not finite (2 of "), reason);
        ScoringPlan plan = ScoringPlan.draw(WINDOWS, 1);
        Model nanWhenShownAgain = (tokens, rows, call) -> {
            float[] logits = bigram(tokens, 0);
            if (call == plan.repeat()) {
                logits[0] = Float.NaN;
            }
            return logits;
        };
        reason = rejected(judge(nanWhenShownAgain, 1), EvaluationStatus.DIVERGED).reason();
        assertTrue(reason.startsWith("the trained model's logits are not finite (1 of "), reason);
    }

    @Test
    void everyBatchMustComeWithExactlyItsLogits() {
        ScoringPlan plan = ScoringPlan.draw(WINDOWS, 1);
        HeldOutEvaluator evaluator = new HeldOutEvaluator(plan, V);
        assertThrows(IllegalArgumentException.class, () -> evaluator.accept(new float[plan.batches().logitsPerBatch(V) - 1]));
        evaluator.accept(new float[plan.batches().logitsPerBatch(V)]);
        assertThrows(IllegalStateException.class, evaluator::verdict, "a verdict needs every batch");
        for (int b = 1; b < plan.batches().batches(); b++) {
            evaluator.accept(new float[plan.batches().logitsPerBatch(V)]);
        }
        assertThrows(IllegalStateException.class, evaluator::verdict, "and the second process's");
        assertThrows(IllegalArgumentException.class, () -> evaluator.acceptCheck(new float[1]));
    }
}
