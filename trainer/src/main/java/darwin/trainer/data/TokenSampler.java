package darwin.trainer.data;

import java.util.SplittableRandom;

/**
 * Draws random windows of a token array, as nanoGPT's {@code get_batch}: each window starts at a
 * uniformly random offset, and its targets are the same window shifted by one token. Or, made by
 * {@link #uniform}, windows of uniformly random token ids, text that is nobody's.
 */
public final class TokenSampler {

    /** The tokens windows are cut from, or {@code null} for uniformly random ones. */
    private final int[] tokens;
    /** The vocabulary's size when the tokens are uniformly random; else 0. */
    private final int vocabularySize;
    private final SplittableRandom random;

    /** Samples windows of {@code tokens} (not copied: it must not change) with the given seed. */
    public TokenSampler(int[] tokens, long seed) {
        this(tokens, 0, seed);
    }

    private TokenSampler(int[] tokens, int vocabularySize, long seed) {
        this.tokens = tokens;
        this.vocabularySize = vocabularySize;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Samples windows of uniformly random token ids below {@code vocabularySize}, of any length:
     * batches of the right shape that hold no text, for measurements that must not hand a program
     * training text ({@code SpeedProbes}).
     */
    public static TokenSampler uniform(int vocabularySize, long seed) {
        if (vocabularySize < 1) {
            throw new IllegalArgumentException("the vocabulary must have a token, got " + vocabularySize);
        }
        return new TokenSampler(null, vocabularySize, seed);
    }

    /**
     * Fills {@code inputs} and {@code targets} (each {@code batchSize × length}, row-major) with
     * one batch.
     */
    public void sample(int batchSize, int length, long[] inputs, long[] targets) {
        if (tokens == null) {
            sampleUniform(batchSize, length, inputs, targets);
            return;
        }
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

    private void sampleUniform(int batchSize, int length, long[] inputs, long[] targets) {
        if (length < 1 || batchSize < 1) {
            throw new IllegalArgumentException("a batch needs a row and a token, got " + batchSize + "×" + length);
        }
        for (int b = 0; b < batchSize; b++) {
            int row = b * length;
            long next = random.nextInt(vocabularySize);
            for (int t = 0; t < length; t++) {
                inputs[row + t] = next;
                next = random.nextInt(vocabularySize);
                targets[row + t] = next;
            }
        }
    }
}
