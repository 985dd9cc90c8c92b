package darwin.memory;

import java.util.Objects;

/**
 * Something people told an agent, as its memory keeps it: a decision on one of its requests, or a
 * suggestion.
 *
 * @param id the request's or suggestion's id ({@code r2}, {@code s5}); an agent keeps one note per id
 * @param generation the generation it reached the agent
 * @param text one line, as the agent's prompts show it
 */
public record Note(String id, int generation, String text) {

    public Note {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
