package darwin.trainer.sandbox;

import darwin.trainer.measure.FlopCount;
import java.util.Objects;
import java.util.Optional;

/**
 * What the scoring child sends back ({@link ScoreChild} writes it, {@link SandboxEvaluator} reads
 * it, {@link ReportJson} maps it): how the scoring ended, and how long its parts took.
 *
 * @param ending scored, with the held-out loss and the model's FLOP count, or failed
 * @param engineReadySeconds seconds from the child's start until its engine was loaded; 0 when it
 *     failed before that
 * @param times how long the scoring's parts took, once the scorer ran
 */
record ScoreReport(Ending ending, double engineReadySeconds, Optional<Times> times) {

    /** How the scoring ended. */
    sealed interface Ending permits Scored, ReportedFailure {}

    /**
     * The trained model passed the harness's checks and was measured.
     *
     * @param valLoss the mean cross-entropy over the held-out windows (nats): finite, not negative
     * @param flops the model's parameter counts and shape, which its FLOPs per token are counted from
     */
    record Scored(double valLoss, FlopCount flops) implements Ending {
        Scored {
            if (!Double.isFinite(valLoss) || valLoss < 0) {
                throw new IllegalArgumentException("a held-out loss is a finite cross-entropy, not " + valLoss);
            }
            Objects.requireNonNull(flops, "flops");
        }
    }

    /**
     * Seconds the scoring's parts took (informational: the benchmarks print them).
     *
     * @param checkSeconds the checks for non-finite logits, looking ahead and mixing rows
     * @param heldOutSeconds the held-out loss
     * @param scoringSeconds everything from reading the weights to the end
     */
    record Times(double checkSeconds, double heldOutSeconds, double scoringSeconds) {
        Times {
            ReportFigures.seconds("checkSeconds", checkSeconds);
            ReportFigures.seconds("heldOutSeconds", heldOutSeconds);
            ReportFigures.seconds("scoringSeconds", scoringSeconds);
        }
    }

    ScoreReport {
        Objects.requireNonNull(ending, "ending");
        Objects.requireNonNull(times, "times");
        ReportFigures.seconds("engineReadySeconds", engineReadySeconds);
    }
}
