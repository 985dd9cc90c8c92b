package darwin.trainer.harness;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import darwin.trainer.api.Batch;
import darwin.trainer.api.Batches;
import darwin.trainer.api.BudgetExhaustedException;
import darwin.trainer.data.TokenSampler;

/** Hands out training batches, counting each as a step and its tokens as trained tokens. */
final class HarnessBatches implements Batches {

    /** The largest batch the harness hands out, in tokens (a guard against runaway requests). */
    static final long MAX_TOKENS_PER_BATCH = 1 << 22;

    private final TokenSampler sampler;
    private final BudgetTracker tracker;
    private long tokens;

    HarnessBatches(TokenSampler sampler, BudgetTracker tracker) {
        this.sampler = sampler;
        this.tracker = tracker;
    }

    @Override
    public Batch next(NDManager manager, int batchSize, int contextLength) {
        if (tracker.exhausted()) {
            throw new BudgetExhaustedException("the budget of " + tracker.budget().describe() + " is spent");
        }
        if (batchSize < 1 || contextLength < 1 || (long) batchSize * contextLength > MAX_TOKENS_PER_BATCH) {
            throw new IllegalArgumentException(
                    "a batch must have 1 to " + MAX_TOKENS_PER_BATCH + " tokens, asked for " + batchSize + " × " + contextLength);
        }
        long[] inputs = new long[batchSize * contextLength];
        long[] targets = new long[inputs.length];
        sampler.sample(batchSize, contextLength, inputs, targets);
        tracker.countStep();
        tokens += inputs.length;
        Shape shape = new Shape(batchSize, contextLength);
        return new Batch(manager.create(inputs, shape), manager.create(targets, shape));
    }

    long tokens() {
        return tokens;
    }
}
