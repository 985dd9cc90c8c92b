package darwin.memory.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import darwin.core.RequestKind;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of a request, as the loop passed it on to the agent ({@code DECISION}): people
 * approved or denied it, or an approved one was applied or could not be. Once per request and
 * outcome.
 *
 * @param request the request's id
 * @param outcome what became of it
 * @param agent the agent that asked
 * @param kind what was asked for
 * @param generation the generation that passed it on
 * @param by who decided
 * @param note their note
 * @param applied what applying it did, {@code null} before it was applied (then left out)
 */
public record Decided(String request, Outcome outcome, String agent, RequestKind kind, int generation, String by,
        String note, @JsonInclude(JsonInclude.Include.NON_NULL) String applied) implements LedgerEvent {

    /** What became of a request. */
    public enum Outcome {
        /** People approved it. */
        APPROVED,
        /** People denied it. */
        DENIED,
        /** It was approved and is in effect. */
        APPLIED,
        /** It was approved but could not be applied. */
        FAILED
    }

    public Decided {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(kind, "kind");
        agent = Objects.requireNonNullElse(agent, "");
        by = Objects.requireNonNullElse(by, "");
        note = Objects.requireNonNullElse(note, "");
    }

    /** The identity of the outcome {@code outcome} of request {@code request}. */
    public static String identity(String request, Outcome outcome) {
        return request + ":" + outcome;
    }

    @Override
    public Optional<String> identity() {
        return Optional.of(identity(request, outcome));
    }
}
