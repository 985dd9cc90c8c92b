package darwin.mutation.prompt;

import java.util.Map;
import java.util.Objects;

/**
 * A built prompt: the system message, the user message, and the estimated tokens of each part.
 */
public record Prompt(String system, String user, Map<String, Integer> partTokens) {

    public Prompt {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
        partTokens = Map.copyOf(partTokens);
    }

    public int estimatedTokens() {
        return Tokens.estimate(system) + Tokens.estimate(user);
    }
}
