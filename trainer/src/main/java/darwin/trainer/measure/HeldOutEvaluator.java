package darwin.trainer.measure;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import darwin.trainer.api.LanguageModel;
import darwin.trainer.data.HeldOutWindows;

/**
 * Scores a model on the fixed held-out windows: the mean next-token cross-entropy over every
 * predicted token of every window. Windows are batched by stride, never next to the window whose
 * text follows theirs, so that a model that mixes the rows of a batch learns nothing about the
 * tokens it must predict. A model whose context is shorter than a window scores each
 * window in consecutive pieces that fit, starting each piece without earlier context.
 */
public final class HeldOutEvaluator {

    // small batches: a fresh process faults in every new page of activations, and 32 windows
    // (about 2,000 tokens) touch a quarter of what 128 do for the same speed per token (BENCHMARKS.md)
    private static final int WINDOWS_PER_BATCH = 32;

    private final HeldOutWindows windows;

    public HeldOutEvaluator(HeldOutWindows windows) {
        this.windows = windows;
    }

    /**
     * The mean held-out loss in nats, or a non-finite value when the model's logits are not
     * finite.
     *
     * @throws IllegalStateException when the model returns logits of the wrong shape
     */
    public double loss(LanguageModel model, NDManager manager) {
        int context = Math.min(model.architecture().contextLength(), windows.length());
        int batches = (windows.count() + WINDOWS_PER_BATCH - 1) / WINDOWS_PER_BATCH;
        double total = 0;
        for (int batch = 0; batch < batches; batch++) {
            int[] rows = windows.strided(batch, batches);
            for (int from = 0; from < windows.length(); from += context) {
                int width = Math.min(context, windows.length() - from);
                total += batchLoss(model, manager, rows, from, width);
            }
        }
        return total / windows.predictions();
    }

    private double batchLoss(LanguageModel model, NDManager manager, int[] rows, int from, int width) {
        int n = rows.length;
        long[] inputs = new long[n * width];
        long[] targets = new long[n * width];
        windows.copy(rows, from, width, inputs, targets);
        try (NDScope arrays = new NDScope(); NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(inputs, new Shape(n, width));
            NDArray y = scope.create(targets, new Shape(n, width, 1));
            NDArray logits = model.logits(x);
            Shape shape = logits.getShape();
            if (shape.dimension() != 3 || shape.get(0) != n || shape.get(1) != width) {
                throw new IllegalStateException(
                        "the model returned logits of shape " + shape + " for tokens of shape (" + n + ", " + width + ")");
            }
            NDArray logProbabilities = logits.toType(DataType.FLOAT32, false).logSoftmax(-1);
            return -logProbabilities.gather(y, -1).sum().getFloat();
        }
    }
}
