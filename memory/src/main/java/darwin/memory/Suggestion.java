package darwin.memory;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's note to one agent or to all, as {@code suggestions.jsonl} keeps it.
 *
 * @param id {@code s1}, {@code s2}, … in the order written
 * @param at when it was written
 * @param by who wrote it
 * @param agent the agent it is for, or {@code ""} for every agent
 * @param text the note
 */
public record Suggestion(String id, Instant at, String by, String agent, String text) {

    public Suggestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        by = by == null || by.isBlank() ? "unknown" : by.strip();
        agent = Objects.requireNonNullElse(agent, "").strip();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a suggestion needs some text");
        }
        text = text.strip();
    }

    /** Whether it is meant for {@code reader}. */
    public boolean isFor(String reader) {
        return agent.isEmpty() || agent.equals(reader);
    }
}
