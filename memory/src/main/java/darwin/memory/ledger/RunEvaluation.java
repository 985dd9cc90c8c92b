package darwin.memory.ledger;

/**
 * One of the run's measurements of a variant at a budget: replicate 0 with the run's seed
 * ({@link Evaluated}), or replicate r ≥ 1 with the r-th replicate seed ({@link Replicated}). Once
 * per variant, budget and replicate.
 */
public sealed interface RunEvaluation extends Evaluation permits Evaluated, Replicated {

    /** 0 for the evaluation with the run's seed, then 1, 2, … */
    int replicate();

    /** The identity of the measurement of {@code variant} at {@code budget}, replicate {@code replicate}. */
    static String identity(String variant, String budget, int replicate) {
        return variant + "@" + budget + "#" + replicate;
    }
}
