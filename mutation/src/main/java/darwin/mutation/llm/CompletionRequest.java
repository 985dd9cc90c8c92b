package darwin.mutation.llm;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.Optional;

/**
 * One question to an LLM: the messages, the sampling settings and how long the caller waits.
 *
 * <p>What the server sees — provider, model, messages, temperature, token limit and schema — and
 * the repair round are what identifies a request in the {@link ReplyCache}; the agent and the
 * deadline are not part of it.
 *
 * @param agent who asks: the name the {@link CostLedger} books the cost under
 * @param systemMessage the system message (may be empty: then none is sent)
 * @param userMessage the user message
 * @param model the model's name at the provider, e.g. {@code gpt-4o-mini}
 * @param temperature sampling temperature, 0 to 2
 * @param maxOutputTokens the most tokens the reply may have; a reply cut there is
 *     {@link FailureKind#TRUNCATED}
 * @param jsonSchema a JSON schema (a JSON object, as text) the reply must follow; providers that
 *     support structured output get it
 * @param deadline by when the whole call, retries included, must return
 * @param repairRound 0 for a proposal's first request, 1… for its repair rounds; not sent to the
 *     server, but part of the request's cache key, so that a repair round is never answered with
 *     another round's reply
 */
public record CompletionRequest(String agent, String systemMessage, String userMessage, String model,
        double temperature, int maxOutputTokens, Optional<String> jsonSchema, Deadline deadline, int repairRound) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public CompletionRequest {
        if (agent == null || agent.isBlank()) {
            throw new IllegalArgumentException("a request needs the name of the agent that asks");
        }
        systemMessage = Objects.requireNonNullElse(systemMessage, "");
        if (userMessage == null || userMessage.isBlank()) {
            throw new IllegalArgumentException("a request needs a user message");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("a request needs a model name");
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("the temperature must be between 0 and 2, got " + temperature);
        }
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException("the output token limit must be at least 1, got " + maxOutputTokens);
        }
        jsonSchema = Objects.requireNonNullElse(jsonSchema, Optional.empty());
        jsonSchema.ifPresent(CompletionRequest::checkSchema);
        Objects.requireNonNull(deadline, "deadline");
        if (repairRound < 0) {
            throw new IllegalArgumentException("a repair round must not be negative, got " + repairRound);
        }
    }

    /** A first request, no repair round. */
    public CompletionRequest(String agent, String systemMessage, String userMessage, String model, double temperature,
            int maxOutputTokens, Optional<String> jsonSchema, Deadline deadline) {
        this(agent, systemMessage, userMessage, model, temperature, maxOutputTokens, jsonSchema, deadline, 0);
    }

    /** The same request, asking for a reply that follows {@code schema} (a JSON object as text). */
    public CompletionRequest withJsonSchema(String schema) {
        return new CompletionRequest(agent, systemMessage, userMessage, model, temperature, maxOutputTokens,
                Optional.of(schema), deadline, repairRound);
    }

    /** The same request with another deadline. */
    public CompletionRequest withDeadline(Deadline deadline) {
        return new CompletionRequest(agent, systemMessage, userMessage, model, temperature, maxOutputTokens,
                jsonSchema, deadline, repairRound);
    }

    /** The same request as repair round {@code round} of its proposal. */
    public CompletionRequest withRepairRound(int round) {
        return new CompletionRequest(agent, systemMessage, userMessage, model, temperature, maxOutputTokens,
                jsonSchema, deadline, round);
    }

    private static void checkSchema(String schema) {
        try {
            if (!JSON.readTree(schema).isObject()) {
                throw new IllegalArgumentException("a JSON schema must be a JSON object");
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the JSON schema is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
