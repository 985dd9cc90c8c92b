package darwin.trainer.api;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;

/** What the harness hands a training program. */
public interface TrainingContext {

    /** A manager on the training device, owned by the harness, for the model's arrays. */
    NDManager manager();

    /** The device to train on. */
    Device device();

    /** Size of the token vocabulary V. */
    int vocabularySize();

    /** The only source of training data. */
    Batches batches();

    /** How much of the budget is spent. */
    BudgetClock clock();

    /** Where the training curve goes. */
    MetricsSink metrics();

    /** The seed of this evaluation; the harness has already seeded the engine with it. */
    long seed();
}
