package darwin.memory.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import darwin.core.EvaluationResult;
import darwin.core.Metrics;
import java.util.Objects;
import java.util.Optional;

/**
 * One evaluation of a confirmation ({@code CONFIRMATION}): the variant or the seed trained with one
 * of the confirmation's fresh seeds. Once per variant, budget and seed, except a failure of the
 * harness itself, which may be recorded again once the evaluation worked.
 *
 * @param variant the variant's id (the confirmed variant or the seed)
 * @param budget the key of the budget
 * @param seed the confirmation's evaluation seed
 * @param status an {@code EvaluationStatus} name
 * @param reason what happened, in words
 * @param metrics what was measured, {@code null} when nothing was (left out)
 */
public record ConfirmationEvaluated(String variant, String budget, long seed, String status, String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) Metrics metrics) implements Evaluation {

    public ConfirmationEvaluated {
        Objects.requireNonNull(variant, "variant");
        budget = Objects.requireNonNullElse(budget, "");
        status = Objects.requireNonNullElse(status, "");
        reason = Objects.requireNonNullElse(reason, "");
    }

    /** Empty for a failure of the harness, which does not count as the evaluation done. */
    @Override
    public Optional<String> identity() {
        return reason.startsWith(EvaluationResult.HARNESS_FAILURE) ? Optional.empty()
                : Optional.of(variant + "@" + budget + "@" + seed);
    }
}
