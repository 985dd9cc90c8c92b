package darwin.memory.ledger;

import darwin.core.RequestKind;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent's upgrade request was filed for people to decide on ({@code REQUEST}). Once per proposal.
 *
 * @param key the key of the proposal that carried it
 * @param request the request's id in the queue ({@code r1}; {@code ""} when a line leaves it out)
 * @param agent the agent that asked
 * @param kind what is asked for
 * @param title one line
 * @param rationale why
 * @param payload what to apply
 */
public record RequestFiled(String key, String request, String agent, RequestKind kind, String title, String rationale,
        String payload) implements LedgerEvent {

    public RequestFiled {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        request = Objects.requireNonNullElse(request, "");
        agent = Objects.requireNonNullElse(agent, "");
        title = Objects.requireNonNullElse(title, "");
        rationale = Objects.requireNonNullElse(rationale, "");
        payload = Objects.requireNonNullElse(payload, "");
    }

    @Override
    public Optional<String> identity() {
        return Optional.of(key);
    }
}
