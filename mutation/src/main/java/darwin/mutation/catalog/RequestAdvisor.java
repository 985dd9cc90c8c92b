package darwin.mutation.catalog;

import darwin.core.Budget;
import darwin.core.RequestKind;
import darwin.core.UpgradeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Proposes an upgrade request for people from the run's evidence, with no LLM: the offline side
 * of the human in the loop. Stateless.
 *
 * <p><b>More text ({@link RequestKind#DATASET}).</b> Over the last {@value #HISTORY_WINDOW}
 * evaluations of the history (at least {@value #MIN_HISTORY}), the training loss fell by at least
 * {@value #OVERFIT_MARGIN} relative (last against first) while the held-out loss rose: the last is
 * above the first, and at least {@value #OVERFIT_MARGIN} relative above the lowest of the window.
 * That is overfitting: the model memorises the training split, and more text (not more steps)
 * is what helps. It takes precedence over a budget request, since more steps on an overfitting
 * model only deepen the gap.
 *
 * <p><b>More compute ({@link RequestKind#BUDGET}).</b> For each leader's curve with at least
 * {@value #MIN_POINTS} points, the fall is (L₇₅ − L₁₀₀)/L₇₅, where L₇₅ is the mean training loss
 * over progress (0.70, 0.80] of the budget and L₁₀₀ over (0.90, 1.00]. When the median fall over
 * the leaders is at least {@value #STEEP_FALL} (5%), the best variants are still improving steeply
 * when the budget ends and the request asks for {@value #BUDGET_FACTOR}× the budget. The threshold
 * sits above what the final cosine annealing alone gives a model that has converged (a few
 * percent), and averaging a tenth of the curve keeps the per-step noise of small batches well
 * below it.
 *
 * <p>Otherwise, no request.
 */
public final class RequestAdvisor {

    /** The median relative fall of training loss over the last quarter that asks for more budget. */
    public static final double STEEP_FALL = 0.05;
    /** The fewest points a curve needs to count as evidence. */
    public static final int MIN_POINTS = 20;
    /** How much larger a budget to ask for. */
    public static final double BUDGET_FACTOR = 2;
    /** How many of the latest evaluations the overfitting rule reads. */
    public static final int HISTORY_WINDOW = 4;
    /** The fewest evaluations the overfitting rule needs. */
    public static final int MIN_HISTORY = 3;
    /** The relative change that counts as a fall of training loss or a rise of held-out loss. */
    public static final double OVERFIT_MARGIN = 0.01;

    /** The request the evidence supports, if any. */
    public Optional<UpgradeRequest> advise(RequestEvidence evidence) {
        Optional<UpgradeRequest> dataset = dataset(evidence.history());
        return dataset.isPresent() ? dataset : budget(evidence.budget(), evidence.leaders());
    }

    private static Optional<UpgradeRequest> dataset(List<LossPair> history) {
        if (history.size() < MIN_HISTORY) {
            return Optional.empty();
        }
        List<LossPair> window = history.subList(Math.max(0, history.size() - HISTORY_WINDOW), history.size());
        LossPair first = window.getFirst();
        LossPair last = window.getLast();
        double lowest = window.stream().mapToDouble(LossPair::heldOutLoss).min().orElseThrow();
        boolean trainFalls = last.trainLoss() <= first.trainLoss() * (1 - OVERFIT_MARGIN);
        boolean heldOutRises = last.heldOutLoss() > first.heldOutLoss()
                && last.heldOutLoss() >= lowest * (1 + OVERFIT_MARGIN);
        if (!trainFalls || !heldOutRises) {
            return Optional.empty();
        }
        String rationale = String.format(Locale.ROOT,
                "Over the last %d evaluations the training loss fell from %.4f to %.4f (%+.1f%%) while the held-out "
                        + "loss rose from %.4f to %.4f (%+.1f%%; lowest %.4f), and the gap between them grew from %.4f "
                        + "to %.4f. The model is memorising its training text: more steps would widen the gap, and "
                        + "regularisation only slows it. More text of the same kind would let it keep improving.",
                window.size(), first.trainLoss(), last.trainLoss(), change(first.trainLoss(), last.trainLoss()),
                first.heldOutLoss(), last.heldOutLoss(), change(first.heldOutLoss(), last.heldOutLoss()), lowest,
                first.heldOutLoss() - first.trainLoss(), last.heldOutLoss() - last.trainLoss());
        String payload = """
                More training text in the style of tinyshakespeare: plain UTF-8 dramatic verse and prose \
                (more Shakespeare plays, or other Elizabethan and Jacobean drama such as Marlowe and \
                Jonson), with speaker names on their own lines as in the corpus and using its character \
                set, at least as much again as the current training split (about 1 MB), kept apart from \
                the held-out split.""";
        return Optional.of(new UpgradeRequest(RequestKind.DATASET,
                "More training text: held-out loss rises while training loss falls", rationale, payload));
    }

    private static Optional<UpgradeRequest> budget(Budget budget, List<LossCurve> leaders) {
        List<String> quotes = new ArrayList<>();
        List<Double> falls = new ArrayList<>();
        for (LossCurve curve : leaders) {
            if (curve.points().size() < MIN_POINTS) {
                continue;
            }
            OptionalDouble late = curve.meanLoss(0.70, 0.80);
            OptionalDouble end = curve.meanLoss(0.90, 1.00);
            if (late.isEmpty() || end.isEmpty() || !(late.getAsDouble() > 0)) {
                continue;
            }
            double fall = (late.getAsDouble() - end.getAsDouble()) / late.getAsDouble();
            falls.add(fall);
            quotes.add(String.format(Locale.ROOT, "%s %.4f → %.4f (%.1f%%)", curve.variantId(), late.getAsDouble(),
                    end.getAsDouble(), -100 * fall));
        }
        if (falls.isEmpty()) {
            return Optional.empty();
        }
        double median = median(falls);
        if (median < STEEP_FALL) {
            return Optional.empty();
        }
        Budget larger = larger(budget);
        String rationale = String.format(Locale.ROOT,
                "Under a budget of %s the best %d variant%s still improving steeply when the budget ends: their "
                        + "training loss between 75%% and 100%% of the budget (the mean over 70–80%% against the mean "
                        + "over 90–100%%) went %s, a median fall of %.1f%%, above the %.0f%% threshold. Their "
                        + "ranking is decided while they are still far from converged; with %s they would show "
                        + "where they level off.",
                budget.describe(), falls.size(), falls.size() == 1 ? " is" : "s are", String.join(", ", quotes),
                100 * median, 100 * STEEP_FALL, larger.describe());
        return Optional.of(new UpgradeRequest(RequestKind.BUDGET, "A larger training budget: " + larger.describe(),
                rationale, larger.key()));
    }

    /** The budget {@value #BUDGET_FACTOR} times as large. */
    static Budget larger(Budget budget) {
        return switch (budget) {
            case Budget.Steps steps -> Budget.steps(Math.round(steps.steps() * BUDGET_FACTOR));
            case Budget.Seconds seconds -> Budget.seconds(seconds.seconds() * BUDGET_FACTOR);
            case Budget.Tokens tokens -> Budget.tokens(Math.round(tokens.tokens() * BUDGET_FACTOR));
            case Budget.Flops flops -> Budget.flops(flops.flops() * BUDGET_FACTOR);
            case Budget.EqualTime equalTime -> Budget.equalTime(equalTime.seconds() * BUDGET_FACTOR);
        };
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double change(double from, double to) {
        return 100 * (to - from) / from;
    }
}
