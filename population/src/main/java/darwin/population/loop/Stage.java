package darwin.population.loop;

import darwin.core.EvaluationResult;
import java.util.Objects;

/**
 * How far a child climbed the run's rungs: the highest rung it was trained at (0-based; the full
 * budget's index for one that entered selection) and its result there.
 *
 * @param rung the rung reached
 * @param result the child's result at that rung
 */
record Stage(int rung, EvaluationResult result) {

    Stage {
        if (rung < 0) {
            throw new IllegalArgumentException("a rung is numbered from 0, got " + rung);
        }
        Objects.requireNonNull(result, "result");
    }
}
