package darwin.mutation.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.core.RequestKind;
import darwin.core.UpgradeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class RequestAdvisorTest {

    private static final RequestAdvisor ADVISOR = new RequestAdvisor();
    private static final Budget THIRTY_SECONDS = Budget.seconds(30);

    /** A curve of 200 points whose loss is a function of progress, with a small alternating ripple. */
    private static LossCurve curve(String id, DoubleUnaryOperator loss) {
        List<LossCurve.Point> points = new ArrayList<>();
        for (int step = 1; step <= 200; step++) {
            double ripple = step % 2 == 0 ? 0.02 : -0.02;
            points.add(new LossCurve.Point(step, loss.applyAsDouble(step / 200.0) + ripple));
        }
        return new LossCurve(id, points);
    }

    private static LossCurve steep(String id) {
        return curve(id, progress -> 3.0 - 1.2 * progress);
    }

    private static LossCurve flat(String id) {
        return curve(id, progress -> 1.5 + 0.8 * Math.exp(-20 * progress));
    }

    private static final List<LossPair> OVERFITTING = List.of(new LossPair(1.60, 1.65), new LossPair(1.50, 1.60),
            new LossPair(1.40, 1.62), new LossPair(1.30, 1.66));
    private static final List<LossPair> HEALTHY = List.of(new LossPair(1.60, 1.65), new LossPair(1.50, 1.57),
            new LossPair(1.40, 1.49));

    @Test
    void aSteepCurveAsksForMoreBudget() {
        UpgradeRequest request = ADVISOR.advise(new RequestEvidence(THIRTY_SECONDS,
                List.of(steep("a"), steep("b")), HEALTHY)).orElseThrow();
        assertEquals(RequestKind.BUDGET, request.kind());
        assertEquals("seconds-60.0", request.payload());
        assertTrue(request.title().contains("60"), request.title());
        // mean over 70–80 % is 3.0 − 1.2 × 0.7525 = 2.097, over 90–100 % it is 1.857: a fall of 11.4 %
        assertTrue(request.rationale().contains("2.0970 → 1.8570") && request.rationale().contains("11.4%"),
                request.rationale());
    }

    @Test
    void aStepBudgetIsDoubledInSteps() {
        UpgradeRequest request = ADVISOR.advise(new RequestEvidence(Budget.steps(2000), List.of(steep("a")), List.of()))
                .orElseThrow();
        assertEquals("steps-4000", request.payload());
    }

    @Test
    void aTokenFlopsOrEqualTimeBudgetIsDoubledInItsOwnKind() {
        assertEquals(Budget.tokens(3_072_000), RequestAdvisor.larger(Budget.tokens(1_536_000)));
        assertEquals(Budget.flops(2e15), RequestAdvisor.larger(Budget.flops(1e15)));
        assertEquals(Budget.equalTime(40), RequestAdvisor.larger(Budget.equalTime(20)));
        UpgradeRequest request = ADVISOR.advise(new RequestEvidence(Budget.equalTime(20), List.of(steep("a")), List.of()))
                .orElseThrow();
        assertEquals("equal-time-40.0", request.payload());
    }

    @Test
    void aFlatCurveAsksForNothing() {
        assertTrue(ADVISOR.advise(new RequestEvidence(THIRTY_SECONDS, List.of(flat("a"), flat("b")), HEALTHY))
                .isEmpty());
    }

    @Test
    void theMedianLeaderDecides() {
        assertTrue(ADVISOR.advise(new RequestEvidence(THIRTY_SECONDS,
                List.of(steep("a"), flat("b"), flat("c")), List.of())).isEmpty());
        assertEquals(RequestKind.BUDGET, ADVISOR.advise(new RequestEvidence(THIRTY_SECONDS,
                List.of(steep("a"), steep("b"), flat("c")), List.of())).orElseThrow().kind());
    }

    @Test
    void aShortCurveIsNoEvidence() {
        LossCurve shortCurve = new LossCurve("a", List.of(new LossCurve.Point(1, 4.0), new LossCurve.Point(2, 3.0)));
        assertTrue(ADVISOR.advise(new RequestEvidence(THIRTY_SECONDS, List.of(shortCurve), List.of())).isEmpty());
    }

    @Test
    void overfittingAsksForMoreText() {
        UpgradeRequest request = ADVISOR.advise(new RequestEvidence(THIRTY_SECONDS, List.of(flat("a")), OVERFITTING))
                .orElseThrow();
        assertEquals(RequestKind.DATASET, request.kind());
        assertTrue(request.rationale().contains("1.6000 to 1.3000") && request.rationale().contains("1.6500 to 1.6600"),
                request.rationale());
        assertTrue(request.payload().contains("training text"), request.payload());
    }

    @Test
    void overfittingComesBeforeMoreBudget() {
        assertEquals(RequestKind.DATASET, ADVISOR.advise(new RequestEvidence(THIRTY_SECONDS, List.of(steep("a")),
                OVERFITTING)).orElseThrow().kind());
    }

    @Test
    void twoEvaluationsAreNotAHistory() {
        assertTrue(ADVISOR.advise(new RequestEvidence(THIRTY_SECONDS, List.of(),
                List.of(new LossPair(1.6, 1.6), new LossPair(1.3, 1.8)))).isEmpty());
    }

    @Test
    void onlyTheRecentWindowCounts() {
        List<LossPair> recovered = new ArrayList<>(OVERFITTING);
        recovered.addAll(List.of(new LossPair(1.29, 1.50), new LossPair(1.28, 1.45), new LossPair(1.27, 1.44),
                new LossPair(1.26, 1.43)));
        assertTrue(ADVISOR.advise(new RequestEvidence(THIRTY_SECONDS, List.of(), recovered)).isEmpty());
    }
}
