package darwin.trainer.measure;

import java.util.Objects;

/**
 * The token rows a model is scored on, as the scoring process sees them: {@code batches} batches of
 * {@code rows} rows of {@code length} tokens each, in the order they are presented. Nothing here
 * says which row is a held-out window, a window presented again or a probe: that stays with the
 * {@link ScoringPlan}, in trusted code.
 *
 * @param batches how many batches, presented in order
 * @param rows rows per batch, the same for every batch
 * @param length tokens per row
 * @param tokens the token ids, row-major: batch, row, position ({@code batches·rows·length} of them);
 *     copied, and not to be changed through the accessor
 */
public record ScoringBatches(int batches, int rows, int length, int[] tokens) {

    public ScoringBatches {
        if (batches < 1 || rows < 1 || length < 1) {
            throw new IllegalArgumentException("a scoring needs at least one batch, row and token, got " + batches + "×"
                    + rows + "×" + length);
        }
        tokens = Objects.requireNonNull(tokens, "tokens").clone();
        if (tokens.length != (long) batches * rows * length) {
            throw new IllegalArgumentException(
                    tokens.length + " tokens are not " + batches + " batches of " + rows + " rows of " + length);
        }
        for (int token : tokens) {
            if (token < 0) {
                throw new IllegalArgumentException("a token id is not negative, got " + token);
            }
        }
    }

    /** The tokens of batch {@code batch}, columns {@code from … from+width−1} of every row, row-major. */
    public long[] piece(int batch, int from, int width) {
        if (batch < 0 || batch >= batches || from < 0 || width < 1 || from + width > length) {
            throw new IndexOutOfBoundsException("batch " + batch + ", columns " + from + "+" + width);
        }
        long[] piece = new long[rows * width];
        int base = batch * rows * length;
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < width; t++) {
                piece[r * width + t] = tokens[base + r * length + from + t];
            }
        }
        return piece;
    }

    /** How many logits the model gives for one batch with a vocabulary of {@code vocabulary}. */
    public int logitsPerBatch(int vocabulary) {
        long count = (long) rows * length * vocabulary;
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a batch's logits (" + count + ") do not fit an array");
        }
        return (int) count;
    }
}
