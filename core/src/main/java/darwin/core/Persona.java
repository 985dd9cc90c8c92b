package darwin.core;

import java.util.List;
import java.util.Objects;

/**
 * What an agent cares about, as it introduces itself in its prompts.
 *
 * @param name a short name, e.g. {@code throughput engineer}
 * @param focus a few sentences on what it looks for and how it works
 * @param interests the tags of the changes it prefers ({@code throughput}, {@code optimizer}, …)
 */
public record Persona(String name, String focus, List<String> interests) {

    public Persona {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a persona needs a name");
        }
        focus = Objects.requireNonNullElse(focus, "").strip();
        interests = List.copyOf(interests == null ? List.of() : interests);
    }
}
