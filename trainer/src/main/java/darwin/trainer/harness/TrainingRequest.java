package darwin.trainer.harness;

import darwin.core.Budget;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One training run to perform.
 *
 * @param budget the compute budget
 * @param seed seeds the engine, the batch sampler and the causality check
 * @param curveLog where the training curve is written (JSON lines), or {@code null}
 * @param listener follows progress
 */
public record TrainingRequest(Budget budget, long seed, Path curveLog, TrainingListener listener) {

    public TrainingRequest {
        Objects.requireNonNull(budget, "budget");
        listener = listener == null ? TrainingListener.NONE : listener;
    }
}
