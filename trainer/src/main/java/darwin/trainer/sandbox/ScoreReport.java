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
     * The trained model's logits on every batch are in the logits file. The report carries no loss
     * and no verdict: what the program's JVM says about its own model counts for nothing.
     *
     * @param flops the model's parameter counts and shape, which its FLOPs per token are counted from
     */
    record Scored(FlopCount flops) implements Ending {
        Scored {
            Objects.requireNonNull(flops, "flops");
        }
    }

    /**
     * Seconds the scoring's parts took (informational: the benchmarks print them).
     *
     * @param heldOutSeconds the model's forward passes over every batch, and writing their logits
     * @param scoringSeconds everything from reading the weights to the end
     */
    record Times(double heldOutSeconds, double scoringSeconds) {
        Times {
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
