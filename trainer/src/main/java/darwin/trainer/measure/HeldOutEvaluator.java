package darwin.trainer.measure;

import darwin.core.EvaluationStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges a model by its logits on a {@link ScoringPlan}, as plain numbers: checks them and computes
 * the held-out loss, the mean next-token cross-entropy over every predicted token of every window,
 * in double precision. It runs no program code and gets nothing from the program but floats, so a
 * model can be judged only by what it predicted.
 *
 * <p>Feed it every batch's logits of the first scoring process in the plan's order
 * ({@link #accept}) and those of the second ({@link #acceptCheck}), then ask for the
 * {@link #verdict}. The second process's rows are compared with the first's: two processes that
 * share nothing must give a window the same logits. In that order of precedence:
 *
 * <ol>
 *   <li>a logit that is NaN or infinite: {@code DIVERGED};
 *   <li>the batch presented twice got other logits the second time: a {@code VIOLATION}, the
 *       model carries state from one call to the next;
 *   <li>a window presented again among other neighbours, or in the second process, got other
 *       logits: a {@code VIOLATION}, the model mixes the sequences of a batch (or carries state);
 *   <li>a probe's logits at positions 0..t, in the second process, differ from its window's in the
 *       first: a {@code VIOLATION}, the model looks ahead;
 *   <li>else the mean loss over the scored windows, each window's loss added in window order.
 * </ol>
 *
 * <p>Logits count as the same when {@code |a − b| ≤ 1e-3 · max(1, |a|, |b|)}: float32 kernels
 * that batch honestly differ between batches by about 1e-6 of a logit's size, and a change that
 * stays within the tolerance moves a log-probability by at most 2e-3 · max(1, |logit|), too little
 * to buy a lower loss. A model whose context is shorter than a window is scored in consecutive
 * pieces, each without earlier context; that does not change what is compared.
 */
public final class HeldOutEvaluator {

    /** The relative tolerance within which two logits count as the same. */
    public static final double TOLERANCE = 1e-3;

    private final ScoringPlan plan;
    private final int vocabulary;
    private final int length;
    private final double[] windowLoss;
    private final Map<Integer, float[]> scoredRows = new HashMap<>();
    private final List<Checked> checked = new ArrayList<>();
    private final long[] inputs;
    private final long[] targets;
    private float[] repeatedBatch;
    private float[] repeatBatch;
    private int next;
    private int nextCheck;
    private long nonFinite;
    private long logits;

    /** A row kept for a check: what it is and its logits. */
    private record Checked(ScoringPlan.Row row, float[] logits) {}

    public HeldOutEvaluator(ScoringPlan plan, int vocabulary) {
        if (vocabulary < 1) {
            throw new IllegalArgumentException("the vocabulary must have a token, got " + vocabulary);
        }
        this.plan = plan;
        this.vocabulary = vocabulary;
        this.length = plan.batches().length();
        this.windowLoss = new double[plan.windows().count()];
        this.inputs = new long[length];
        this.targets = new long[length];
        for (int b = 0; b < plan.batches().batches(); b++) {
            keepFor(plan.rows(b));
        }
        for (int b = 0; b < plan.checkBatches().batches(); b++) {
            keepFor(plan.checkRows(b));
        }
    }

    /** Marks the windows that checking rows compare with, so that their scored logits are kept. */
    private void keepFor(List<ScoringPlan.Row> rows) {
        for (ScoringPlan.Row row : rows) {
            if (!(row instanceof ScoringPlan.Scored)) {
                scoredRows.put(row.window(), null);
            }
        }
    }

    /**
     * Takes the logits of the next batch: rows × positions × vocabulary, row-major.
     *
     * @throws IllegalArgumentException when there are not exactly that many, or every batch was given
     */
    public void accept(float[] batch) {
        ScoringBatches batches = plan.batches();
        if (next >= batches.batches()) {
            throw new IllegalArgumentException("the plan has only " + batches.batches() + " batches");
        }
        if (batch.length != batches.logitsPerBatch(vocabulary)) {
            throw new IllegalArgumentException(
                    "a batch has " + batches.logitsPerBatch(vocabulary) + " logits, not " + batch.length);
        }
        int index = next++;
        logits += batch.length;
        if (index == plan.repeated()) {
            repeatedBatch = batch.clone();
        }
        if (index == plan.repeat()) {
            repeatBatch = batch.clone();
            nonFinite += countNonFinite(batch, 0, batch.length);
            return; // its rows are compared whole, with the first presentation's
        }
        take(batch, plan.rows(index));
    }

    /**
     * Takes the logits of the second process's next batch: rows × positions × vocabulary,
     * row-major.
     *
     * @throws IllegalArgumentException when there are not exactly that many, or every batch was given
     */
    public void acceptCheck(float[] batch) {
        ScoringBatches batches = plan.checkBatches();
        if (nextCheck >= batches.batches()) {
            throw new IllegalArgumentException("the plan's second process has only " + batches.batches() + " batches");
        }
        if (batch.length != batches.logitsPerBatch(vocabulary)) {
            throw new IllegalArgumentException(
                    "a batch has " + batches.logitsPerBatch(vocabulary) + " logits, not " + batch.length);
        }
        logits += batch.length;
        take(batch, plan.checkRows(nextCheck++));
    }

    private void take(float[] batch, List<ScoringPlan.Row> rows) {
        int rowSize = length * vocabulary;
        for (int r = 0; r < rows.size(); r++) {
            int at = r * rowSize;
            long bad = countNonFinite(batch, at, rowSize);
            nonFinite += bad;
            ScoringPlan.Row row = rows.get(r);
            switch (row) {
                case ScoringPlan.Scored scored -> {
                    if (bad == 0) {
                        windowLoss[scored.window()] = rowLoss(batch, at, scored.window());
                    }
                    if (scoredRows.containsKey(scored.window())) {
                        scoredRows.put(scored.window(), Arrays.copyOfRange(batch, at, at + rowSize));
                    }
                }
                case ScoringPlan.Again again -> checked.add(new Checked(again, Arrays.copyOfRange(batch, at, at + rowSize)));
                case ScoringPlan.Probe probe -> checked.add(
                        new Checked(probe, Arrays.copyOfRange(batch, at, at + (probe.cut() + 1) * vocabulary)));
            }
        }
    }

    /**
     * The held-out loss, or why the model does not get one.
     *
     * @throws IllegalStateException when not every batch was given
     */
    public Verdict verdict() {
        if (next != plan.batches().batches() || nextCheck != plan.checkBatches().batches()) {
            throw new IllegalStateException("only " + next + " of " + plan.batches().batches() + " batches and "
                    + nextCheck + " of the second process's " + plan.checkBatches().batches() + " were given");
        }
        if (nonFinite > 0) {
            return new Rejected(EvaluationStatus.DIVERGED, "the trained model's logits are not finite (" + nonFinite
                    + " of " + logits + " are NaN or infinite)");
        }
        Optional<Float> state = difference(repeatedBatch, repeatBatch, repeatBatch.length);
        if (state.isPresent()) {
            return new Rejected(EvaluationStatus.VIOLATION, String.format(
                    "the model carries state from one call to the next: the same batch, presented again, got logits"
                            + " that differ by up to %.3g", state.get()));
        }
        for (Checked check : checked) {
            if (check.row() instanceof ScoringPlan.Again again) {
                Optional<Float> mixed = difference(scoredRows.get(again.window()), check.logits(), check.logits().length);
                if (mixed.isPresent()) {
                    return new Rejected(EvaluationStatus.VIOLATION, String.format(
                            "the model mixes the sequences of a batch (or carries state from one call to the next):"
                                    + " held-out window %d, presented again among other windows, got logits that differ"
                                    + " by up to %.3g", again.window(), mixed.get()));
                }
            }
        }
        for (Checked check : checked) {
            if (check.row() instanceof ScoringPlan.Probe probe) {
                Optional<Float> ahead = difference(scoredRows.get(probe.window()), check.logits(), check.logits().length);
                if (ahead.isPresent()) {
                    return new Rejected(EvaluationStatus.VIOLATION, String.format(
                            "the model looks ahead: changing the tokens after position %d of held-out window %d changed"
                                    + " its logits at positions 0..%d by up to %.3g", probe.cut(), probe.window(),
                            probe.cut(), ahead.get()));
                }
            }
        }
        double total = 0;
        for (double loss : windowLoss) {
            total += loss;
        }
        double mean = total / plan.windows().predictions();
        if (!Double.isFinite(mean)) {
            return new Rejected(EvaluationStatus.DIVERGED, "the trained model's held-out loss is " + mean);
        }
        return new Measured(mean);
    }

    /** The cross-entropy summed over a window's positions: log Σ exp(logits) − the target's logit. */
    private double rowLoss(float[] batch, int at, int window) {
        plan.windows().copy(new int[] {window}, 0, length, inputs, targets);
        double sum = 0;
        for (int t = 0; t < length; t++) {
            int base = at + t * vocabulary;
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < vocabulary; v++) {
                max = Math.max(max, batch[base + v]);
            }
            double exp = 0;
            for (int v = 0; v < vocabulary; v++) {
                exp += Math.exp(batch[base + v] - max);
            }
            sum += max + Math.log(exp) - batch[base + (int) targets[t]];
        }
        return sum;
    }

    private static long countNonFinite(float[] values, int from, int count) {
        long bad = 0;
        for (int i = from; i < from + count; i++) {
            if (!Float.isFinite(values[i])) {
                bad++;
            }
        }
        return bad;
    }

    /** The largest absolute difference of the first {@code count} logits, when one is beyond the tolerance. */
    private static Optional<Float> difference(float[] first, float[] second, int count) {
        float largest = 0;
        boolean beyond = false;
        for (int i = 0; i < count; i++) {
            float a = first[i];
            float b = second[i];
            float d = Math.abs(a - b);
            largest = Math.max(largest, d);
            beyond |= !(d <= TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b))));
        }
        return beyond ? Optional.of(largest) : Optional.empty();
    }

    /** What the judging gave. */
    public sealed interface Verdict permits Measured, Rejected {}

    /**
     * The model passed every check.
     *
     * @param valLoss the mean held-out cross-entropy in nats
     */
    public record Measured(double valLoss) implements Verdict {}

    /**
     * The model failed: non-finite logits ({@code DIVERGED}) or a failed check ({@code VIOLATION}).
     *
     * @param status why, as an evaluation status
     * @param reason what was seen, in a sentence
     */
    public record Rejected(EvaluationStatus status, String reason) implements Verdict {}
}
