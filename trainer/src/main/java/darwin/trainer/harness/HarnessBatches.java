package darwin.trainer.harness;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import darwin.trainer.api.Batch;
import darwin.trainer.api.Batches;
import darwin.trainer.api.BudgetExhaustedException;
import darwin.trainer.data.TokenSampler;
import java.util.Arrays;

/**
 * Hands out training batches, counting each as a step and its tokens as trained tokens. When
 * asked to, it also notes when each batch was asked for: the times a throughput probe reads.
 */
final class HarnessBatches implements Batches {

    /** The largest batch the harness hands out, in tokens (a guard against runaway requests). */
    static final long MAX_TOKENS_PER_BATCH = 1 << 22;

    private final TokenSampler sampler;
    private final BudgetTracker tracker;
    private final boolean timed;
    private long[] handOutNanos = new long[0];
    private long[] batchTokens = new long[0];

    HarnessBatches(TokenSampler sampler, BudgetTracker tracker) {
        this(sampler, tracker, false);
    }

    /** @param timed whether to note each hand-out's time and size ({@link #stepTimes()}) */
    HarnessBatches(TokenSampler sampler, BudgetTracker tracker, boolean timed) {
        this.sampler = sampler;
        this.tracker = tracker;
        this.timed = timed;
    }

    @Override
    public Batch next(NDManager manager, int batchSize, int contextLength) {
        long asked = System.nanoTime();
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
        if (timed) {
            note(asked, inputs.length);
        }
        tracker.countBatch(inputs.length);
        Shape shape = new Shape(batchSize, contextLength);
        return new Batch(manager.create(inputs, shape), manager.create(targets, shape));
    }

    private void note(long nanos, long tokens) {
        int step = (int) tracker.steps();
        if (step == handOutNanos.length) {
            int capacity = Math.max(16, 2 * step);
            handOutNanos = Arrays.copyOf(handOutNanos, capacity);
            batchTokens = Arrays.copyOf(batchTokens, capacity);
        }
        handOutNanos[step] = nanos;
        batchTokens[step] = tokens;
    }

    long tokens() {
        return tracker.tokens();
    }

    /**
     * When each batch was asked for, and its size; empty unless this hands out {@code timed}.
     *
     * @param endNanos when the {@code train} call returned
     */
    StepTimes stepTimes(long endNanos) {
        int steps = timed ? (int) tracker.steps() : 0;
        return new StepTimes(Arrays.copyOf(handOutNanos, steps), Arrays.copyOf(batchTokens, steps), endNanos);
    }
}
