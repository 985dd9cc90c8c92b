package darwin.memory.ledger;

/**
 * The LLM endpoint answers again: the proposals held are sent again ({@code "state": "resumed"}).
 *
 * @param outageSeconds how long it was down
 */
public record EndpointResumed(long outageSeconds) implements LlmOutage {}
