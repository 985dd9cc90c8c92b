package darwin.memory.ledger;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Optional;

/**
 * An {@code LLM_OUTAGE} event: the LLM endpoint stopped answering and proposals paused, it
 * answered again, or it stayed down past the run's limit and the run stopped; its {@code state}
 * field says which. Every one is recorded: an endpoint may go down many times.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "state")
@JsonSubTypes({@JsonSubTypes.Type(value = EndpointPaused.class, name = "paused"),
        @JsonSubTypes.Type(value = EndpointResumed.class, name = "resumed"),
        @JsonSubTypes.Type(value = EndpointStopped.class, name = "stopped")})
public sealed interface LlmOutage extends LedgerEvent permits EndpointPaused, EndpointResumed, EndpointStopped {

    @Override
    default Optional<String> identity() {
        return Optional.empty();
    }
}
