package darwin.memory.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import darwin.core.Metrics;
import java.util.Objects;
import java.util.Optional;

/**
 * The run measured a variant again with a fresh seed ({@code REPLICATE}): for the noise floor or
 * racing, once per variant, budget and replicate.
 *
 * @param variant the variant's id
 * @param budget the key of the budget
 * @param seed the evaluation seed
 * @param replicate 1, 2, …: which replicate seed
 * @param status an {@code EvaluationStatus} name
 * @param reason what happened, in words
 * @param metrics what was measured, {@code null} when nothing was (left out)
 */
public record Replicated(String variant, String budget, long seed, int replicate, String status, String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) Metrics metrics) implements RunEvaluation {

    public Replicated {
        Objects.requireNonNull(variant, "variant");
        budget = Objects.requireNonNullElse(budget, "");
        status = Objects.requireNonNullElse(status, "");
        reason = Objects.requireNonNullElse(reason, "");
        if (replicate < 1) {
            throw new IllegalArgumentException("a replicate is numbered from 1, got " + replicate);
        }
    }

    @Override
    public Optional<String> identity() {
        return Optional.of(RunEvaluation.identity(variant, budget, replicate));
    }
}
