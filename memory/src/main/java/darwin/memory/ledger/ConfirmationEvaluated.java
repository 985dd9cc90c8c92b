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
 * @param harnessFailure {@code true} when the harness itself failed; {@code null} (left out) when it
 *     did not, and in lines written before the flag, which are read by their reason's prefix
 */
public record ConfirmationEvaluated(String variant, String budget, long seed, String status, String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) Metrics metrics,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean harnessFailure) implements Evaluation {

    public ConfirmationEvaluated {
        Objects.requireNonNull(variant, "variant");
        budget = Objects.requireNonNullElse(budget, "");
        status = Objects.requireNonNullElse(status, "");
        reason = Objects.requireNonNullElse(reason, "");
        harnessFailure = Boolean.TRUE.equals(harnessFailure) ? Boolean.TRUE : null; // written only when true
    }

    /** An evaluation that the harness did not fail, or one read by its reason (a line without the flag). */
    public ConfirmationEvaluated(String variant, String budget, long seed, String status, String reason, Metrics metrics) {
        this(variant, budget, seed, status, reason, metrics, null);
    }

    /** Whether the harness itself failed: the flag, or for a line without it the reason's prefix. */
    public boolean failedInHarness() {
        return harnessFailure != null ? harnessFailure : EvaluationResult.recordedAsHarnessFailure(reason);
    }

    /** Empty for a failure of the harness, which does not count as the evaluation done. */
    @Override
    public Optional<String> identity() {
        return failedInHarness() ? Optional.empty()
                : Optional.of(variant + "@" + budget + "@" + seed);
    }
}
