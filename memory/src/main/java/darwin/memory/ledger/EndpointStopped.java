package darwin.memory.ledger;

import java.util.Objects;

/**
 * The LLM endpoint stayed down past the run's limit: the run stopped, to be resumed later
 * ({@code "state": "stopped"}).
 *
 * @param reason what the last check found
 * @param outageSeconds how long it was down
 */
public record EndpointStopped(String reason, long outageSeconds) implements LlmOutage {

    public EndpointStopped {
        reason = Objects.requireNonNullElse(reason, "");
    }
}
