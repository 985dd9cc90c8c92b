package darwin.memory.ledger;

import java.util.Objects;

/**
 * The LLM endpoint stopped answering: new proposals wait while training goes on ({@code "state": "paused"}).
 *
 * @param reason what the failed call and the check found
 * @param limitSeconds how long the run waits for it before it stops
 */
public record EndpointPaused(String reason, long limitSeconds) implements LlmOutage {

    public EndpointPaused {
        reason = Objects.requireNonNullElse(reason, "");
    }
}
