package darwin.memory.ledger;

import darwin.core.Metrics;
import java.util.Optional;

/**
 * An evaluation the ledger records: one of the run's own ({@link RunEvaluation}) or one of a
 * confirmation ({@link ConfirmationEvaluated}). Each names the variant, the budget and the
 * evaluation seed, the status and reason of the result, and the metrics when it measured any.
 */
public sealed interface Evaluation extends LedgerEvent permits RunEvaluation, ConfirmationEvaluated {

    /** The status of a result that measured the variant. */
    String OK = "OK";

    /** The variant's id. */
    String variant();

    /** The key of the budget it was evaluated at ({@code steps-2}). */
    String budget();

    /** The evaluation seed. */
    long seed();

    /** An {@code EvaluationStatus} name. */
    String status();

    /** What happened, in words. */
    String reason();

    /** What was measured, or {@code null} when nothing was. */
    Metrics metrics();

    /** The metrics of an evaluation that worked: its status is {@code OK} and it measured them. */
    default Optional<Metrics> measured() {
        return OK.equals(status()) ? Optional.ofNullable(metrics()) : Optional.empty();
    }
}
