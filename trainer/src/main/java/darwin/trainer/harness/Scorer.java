package darwin.trainer.harness;

import ai.djl.ndarray.NDManager;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.trainer.api.LanguageModel;
import darwin.trainer.data.HeldOutWindows;
import darwin.trainer.device.Engines;
import darwin.trainer.measure.CausalityCheck;
import darwin.trainer.measure.FlopCount;
import darwin.trainer.measure.HeldOutEvaluator;
import darwin.trainer.measure.Score;
import java.util.Optional;

/**
 * Scores a trained model: counts its FLOPs, checks that it is causal and keeps the rows of a batch
 * apart, then measures its loss on the held-out windows. Runs with autograd off.
 */
public final class Scorer {

    private final HeldOutWindows windows;
    private final int vocabularySize;
    private final long seed;

    public Scorer(HeldOutWindows windows, int vocabularySize, long seed) {
        this.windows = windows;
        this.vocabularySize = vocabularySize;
        this.seed = seed;
    }

    /** The score, or the failure that stopped scoring; never throws for a model's fault. */
    public Result score(LanguageModel model, NDManager manager, Runnable beforeLoss) {
        try {
            Engines.inferenceMode();
            FlopCount flops = FlopCount.of(model);
            Optional<String> nonFinite = new CausalityCheck(seed).nonFinite(model, manager, vocabularySize);
            if (nonFinite.isPresent()) {
                return Result.failed(EvaluationResult.failed(EvaluationStatus.DIVERGED, nonFinite.get(), ""));
            }
            Optional<String> cheat = new CausalityCheck(seed).violation(model, manager, vocabularySize);
            if (cheat.isPresent()) {
                return Result.failed(EvaluationResult.failed(EvaluationStatus.VIOLATION, cheat.get(), ""));
            }
            beforeLoss.run();
            double valLoss = new HeldOutEvaluator(windows).loss(model, manager);
            if (!Double.isFinite(valLoss)) {
                return Result.failed(EvaluationResult.failed(EvaluationStatus.DIVERGED,
                        "the trained model's held-out loss is " + valLoss, ""));
            }
            return new Result(new Score(valLoss, flops), null);
        } catch (OutOfMemoryError e) {
            return Result.failed(EvaluationResult.failed(EvaluationStatus.OUT_OF_MEMORY,
                    "scoring ran out of memory: " + e.getMessage(), ""));
        } catch (RuntimeException | StackOverflowError e) {
            return Result.failed(EvaluationResult.failed(EvaluationStatus.RUNTIME_ERROR,
                    "the trained model failed while being scored: " + TrainingSession.describe(e), ""));
        }
    }

    /** A score or a failure. */
    public record Result(Score score, EvaluationResult failure) {
        public Result {
            if ((score == null) == (failure == null)) {
                throw new IllegalArgumentException("a scoring result has either a score or a failure");
            }
        }

        static Result failed(EvaluationResult failure) {
            return new Result(null, failure);
        }
    }
}
