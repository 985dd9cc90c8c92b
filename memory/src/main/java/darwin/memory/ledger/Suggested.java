package darwin.memory.ledger;

import java.util.Objects;
import java.util.Optional;

/**
 * People's suggestion was passed on to the agents ({@code SUGGESTION}). Once per suggestion.
 *
 * @param id the suggestion's id ({@code s1})
 * @param agent the agent it is for, {@code ""} for every agent
 * @param by who wrote it
 * @param text what it says
 * @param generation the generation that passed it on
 */
public record Suggested(String id, String agent, String by, String text, int generation) implements LedgerEvent {

    public Suggested {
        Objects.requireNonNull(id, "id");
        agent = Objects.requireNonNullElse(agent, "");
        by = Objects.requireNonNullElse(by, "");
        text = Objects.requireNonNullElse(text, "");
    }

    @Override
    public Optional<String> identity() {
        return Optional.of(id);
    }
}
