package darwin.trainer.sandbox;

import darwin.core.EvaluationResult;

/** A child's failure that ends the evaluation with a result: thrown while the children are watched. */
final class ChildFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient EvaluationResult result;

    ChildFailure(EvaluationResult result) {
        super(result.reason(), null, false, false);
        this.result = result;
    }

    /** The evaluation's result. */
    EvaluationResult result() {
        return result;
    }
}
