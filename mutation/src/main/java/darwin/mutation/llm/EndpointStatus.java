package darwin.mutation.llm;

import java.util.Objects;

/**
 * What a check of an LLM endpoint found ({@link EndpointProbe}): it answers, it does not, or it
 * answers but refuses this configuration (key, model, address), which waiting will not cure.
 */
public sealed interface EndpointStatus permits EndpointStatus.Answering, EndpointStatus.Down, EndpointStatus.Misconfigured {

    /** One line for people: what was found. */
    String detail();

    /** Whether the endpoint answered at all, so that an outage is over. */
    default boolean answers() {
        return !(this instanceof Down);
    }

    /** @param detail how it answered, such as "lists the model gpt-4o-mini" */
    record Answering(String detail) implements EndpointStatus {
        public Answering {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** @param detail why it is taken for down: no connection, a server error, no answer in time */
    record Down(String detail) implements EndpointStatus {
        public Down {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** @param detail what it refused and what to change: the key, the model's name, the address */
    record Misconfigured(String detail) implements EndpointStatus {
        public Misconfigured {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
