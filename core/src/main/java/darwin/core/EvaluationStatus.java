package darwin.core;

/**
 * How an evaluation of a training program ended. A closed set: every consumer switches over it
 * exhaustively. Only {@link #OK} carries trustworthy metrics.
 */
public enum EvaluationStatus {
    /** Trained within budget; the model passed the harness's checks and was measured. */
    OK,
    /** The program's source did not compile. */
    COMPILE_ERROR,
    /** The program threw, or its process died, before returning a model. */
    RUNTIME_ERROR,
    /** The program ran past its budget plus the grace period and was stopped. */
    TIMEOUT,
    /** The program ran out of memory. */
    OUT_OF_MEMORY,
    /** Training produced a non-finite loss, or the trained model non-finite logits. */
    DIVERGED,
    /** The program broke the training contract: no model, a model that looks ahead, tampering. */
    VIOLATION;

    /** Whether results with this status carry metrics that may be compared. */
    public boolean measured() {
        return this == OK;
    }
}
