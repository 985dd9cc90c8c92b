package darwin.trainer.api;

import ai.djl.ndarray.NDManager;

/**
 * Training batches of random windows of the training split, as nanoGPT's {@code get_batch}. Every
 * batch drawn counts as one step of the budget.
 */
public interface Batches {

    /**
     * Draws the next batch.
     *
     * @param manager where the batch's arrays are created
     * @param batchSize number of windows B
     * @param contextLength window length T
     * @return inputs (B,T) and next-token targets (B,T), int64
     * @throws BudgetExhaustedException when the budget is spent
     */
    Batch next(NDManager manager, int batchSize, int contextLength);
}
