package darwin.trainer.harness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.trainer.api.LanguageModel;
import darwin.trainer.device.Engines;
import darwin.trainer.measure.FlopCount;
import darwin.trainer.measure.ScoringBatches;
import java.io.IOException;

/**
 * Runs a trained model on the scoring batches and hands on its logits as plain numbers, batch by
 * batch in the order given; counts its FLOPs. Runs with autograd off. It computes no loss and
 * checks nothing but the shape: it runs the program's code, so whatever it could conclude, the
 * program could change; the logits go to trusted code
 * ({@link darwin.trainer.measure.HeldOutEvaluator}) that judges them.
 *
 * <p>A model whose context is shorter than the rows sees each row in consecutive pieces that fit,
 * each without earlier context; the pieces' logits are put together into the row's.
 */
public final class Scorer {

    /** Where the logits of each batch go: rows × positions × vocabulary floats, row-major. */
    @FunctionalInterface
    public interface LogitsSink {
        void accept(float[] logits) throws IOException;
    }

    private final ScoringBatches batches;
    private final int vocabularySize;

    public Scorer(ScoringBatches batches, int vocabularySize) {
        if (vocabularySize < 1) {
            throw new IllegalArgumentException("the vocabulary must have a token, got " + vocabularySize);
        }
        this.batches = batches;
        this.vocabularySize = vocabularySize;
    }

    /** The model's FLOP count once every batch's logits went to {@code sink}, or the failure that stopped it; never throws for a model's fault. */
    public Result score(LanguageModel model, NDManager manager, LogitsSink sink) {
        try {
            Engines.inferenceMode();
            FlopCount flops = FlopCount.of(model);
            int context = Math.min(model.architecture().contextLength(), batches.length());
            for (int batch = 0; batch < batches.batches(); batch++) {
                sink.accept(batchLogits(model, manager, batch, context));
            }
            return new Result(flops, null);
        } catch (IOException e) {
            return Result.failed(EvaluationResult.harnessFailure("cannot hand on the logits: " + e.getMessage(), ""));
        } catch (OutOfMemoryError e) {
            return Result.failed(EvaluationResult.failed(EvaluationStatus.OUT_OF_MEMORY,
                    "scoring ran out of memory: " + e.getMessage(), ""));
        } catch (RuntimeException | StackOverflowError e) {
            return Result.failed(EvaluationResult.failed(EvaluationStatus.RUNTIME_ERROR,
                    "the trained model failed while being scored: " + TrainingSession.describe(e), ""));
        }
    }

    private float[] batchLogits(LanguageModel model, NDManager manager, int batch, int context) {
        int rows = batches.rows();
        int length = batches.length();
        float[] logits = new float[batches.logitsPerBatch(vocabularySize)];
        for (int from = 0; from < length; from += context) {
            int width = Math.min(context, length - from);
            float[] piece;
            try (NDScope arrays = new NDScope(); NDManager scope = manager.newSubManager()) {
                NDArray output = model.logits(scope.create(batches.piece(batch, from, width), new Shape(rows, width)));
                Shape shape = output.getShape();
                if (shape.dimension() != 3 || shape.get(0) != rows || shape.get(1) != width || shape.get(2) != vocabularySize) {
                    throw new IllegalStateException("the model returned logits of shape " + shape + " for tokens of shape ("
                            + rows + ", " + width + ") and a vocabulary of " + vocabularySize);
                }
                piece = output.toType(DataType.FLOAT32, false).toFloatArray();
            }
            int rowPiece = width * vocabularySize;
            if (piece.length != rows * rowPiece) {
                throw new IllegalStateException("the model's logits hold " + piece.length + " values, not " + rows * rowPiece);
            }
            for (int r = 0; r < rows; r++) {
                System.arraycopy(piece, r * rowPiece, logits, (r * length + from) * vocabularySize, rowPiece);
            }
        }
        return logits;
    }

    /** A FLOP count, or a failure. */
    public record Result(FlopCount flops, EvaluationResult failure) {
        public Result {
            if ((flops == null) == (failure == null)) {
                throw new IllegalArgumentException("a scoring result has either a FLOP count or a failure");
            }
        }

        static Result failed(EvaluationResult failure) {
            return new Result(null, failure);
        }
    }
}
