package darwin.memory.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import darwin.core.Metrics;
import java.util.Objects;
import java.util.Optional;

/**
 * A child was trained at a rung below the full budget ({@code RUNG}), with the run's seed: a
 * prediction of its full run, never a fitness. Once per variant and budget; the result is cached
 * under that budget, so a resumed run trains it again never.
 *
 * @param generation the generation whose child it is
 * @param variant the variant's id
 * @param rung 0 for the lowest rung, 1 for the next, …
 * @param budget the key of the rung's budget
 * @param seed the evaluation seed
 * @param status an {@code EvaluationStatus} name
 * @param reason what happened, in words
 * @param metrics what was measured, {@code null} when nothing was (left out)
 */
public record RungEvaluated(int generation, String variant, int rung, String budget, long seed, String status,
        String reason, @JsonInclude(JsonInclude.Include.NON_NULL) Metrics metrics) implements LedgerEvent {

    public RungEvaluated {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(budget, "budget");
        status = Objects.requireNonNullElse(status, "");
        reason = Objects.requireNonNullElse(reason, "");
        if (rung < 0 || generation < 1) {
            throw new IllegalArgumentException("a rung is numbered from 0 and a generation from 1, got rung " + rung
                    + " of generation " + generation);
        }
    }

    /** The metrics of a rung run that worked. */
    public Optional<Metrics> measured() {
        return Evaluation.OK.equals(status) ? Optional.ofNullable(metrics) : Optional.empty();
    }

    @Override
    public Optional<String> identity() {
        return Optional.of(variant + "@" + budget);
    }
}
