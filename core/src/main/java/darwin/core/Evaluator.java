package darwin.core;

/**
 * The port through which a variant is evaluated: built, trained under a budget and measured. A
 * local implementation runs evaluations in slots on this machine; a cluster one may submit jobs.
 *
 * <p>Implementations are safe for concurrent use: callers evaluate several variants at once from
 * several threads, and an implementation runs at most {@link #slots()} of them at a time.
 */
public interface Evaluator {

    /** Evaluates the variant; never throws for the variant's fault. Blocks until the result is known. */
    EvaluationResult evaluate(Variant variant, Budget budget, long seed) throws InterruptedException;

    /** How many evaluations run at once. */
    int slots();
}
