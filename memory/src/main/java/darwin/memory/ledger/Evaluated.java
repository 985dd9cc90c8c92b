package darwin.memory.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import darwin.core.Metrics;
import java.util.Objects;
import java.util.Optional;

/**
 * The run evaluated a variant with its own seed ({@code EVALUATION}): replicate 0, once per variant
 * and budget.
 *
 * @param variant the variant's id
 * @param budget the key of the budget
 * @param seed the evaluation seed
 * @param replicate always 0 (older lines leave it out)
 * @param status an {@code EvaluationStatus} name
 * @param reason what happened, in words
 * @param metrics what was measured, {@code null} when nothing was (left out)
 */
public record Evaluated(String variant, String budget, long seed, int replicate, String status, String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) Metrics metrics) implements RunEvaluation {

    public Evaluated {
        Objects.requireNonNull(variant, "variant");
        budget = Objects.requireNonNullElse(budget, "");
        status = Objects.requireNonNullElse(status, "");
        reason = Objects.requireNonNullElse(reason, "");
        if (replicate != 0) {
            throw new IllegalArgumentException("an evaluation with the run's seed is replicate 0, got " + replicate);
        }
    }

    @Override
    public Optional<String> identity() {
        return Optional.of(RunEvaluation.identity(variant, budget, replicate));
    }
}
