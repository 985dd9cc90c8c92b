package darwin.trainer.harness;

import darwin.core.EvaluationResult;
import darwin.trainer.api.LanguageModel;

/**
 * What a training session observed: the returned model, or the failure that ended it, with the
 * harness's own counts.
 *
 * @param model the model the program returned, or {@code null} when it failed
 * @param failure why training failed, or {@code null} when it returned a model
 * @param steps batches handed out
 * @param tokens training tokens handed out
 * @param trainSeconds wall time of the program's {@code train} call, plus the seconds of its code before
 *     the call that the caller counted (its loading; {@link TrainingSession#train})
 * @param logTail the last lines of the training curve
 */
public record TrainingOutcome(
        LanguageModel model, EvaluationResult failure, long steps, long tokens, double trainSeconds, String logTail) {

    public TrainingOutcome {
        if ((model == null) == (failure == null)) {
            throw new IllegalArgumentException("an outcome has either a model or a failure");
        }
    }

    public boolean trained() {
        return model != null;
    }
}
