package darwin.trainer.data;

import java.util.SplittableRandom;

/**
 * Draws random windows of a token array, as nanoGPT's {@code get_batch}: each window starts at a
 * uniformly random offset, and its targets are the same window shifted by one token.
 */
public final class TokenSampler {

    private final int[] tokens;
    private final SplittableRandom random;

    /** Samples windows of {@code tokens} (not copied: it must not change) with the given seed. */
    public TokenSampler(int[] tokens, long seed) {
        this.tokens = tokens;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Fills {@code inputs} and {@code targets} (each {@code batchSize × length}, row-major) with
     * one batch.
     */
    public void sample(int batchSize, int length, long[] inputs, long[] targets) {
        if (length < 1 || length >= tokens.length) {
            throw new IllegalArgumentException(
                    "window length must be between 1 and " + (tokens.length - 1) + ", got " + length);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        int bound = tokens.length - length;
        for (int b = 0; b < batchSize; b++) {
            int start = random.nextInt(bound);
            int row = b * length;
            for (int t = 0; t < length; t++) {
                inputs[row + t] = tokens[start + t];
                targets[row + t] = tokens[start + t + 1];
            }
        }
    }
}
