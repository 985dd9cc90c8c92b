package darwin.mutation.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * Ollama's own {@code /api/chat} wire format, at the server's root: no key, sampling under
 * {@code options} ({@code temperature}, {@code num_predict}), the schema as {@code format}, a reply
 * as {@code message} with {@code done_reason}, tokens as {@code prompt_eval_count} and
 * {@code eval_count}.
 */
class OllamaClientTest extends LlmClientContract {

    @Override
    Provider provider() {
        return Provider.OLLAMA;
    }

    @Override
    String baseUrl() {
        return server.origin();
    }

    @Override
    String path() {
        return "/api/chat";
    }

    @Override
    String reply(String text, long inputTokens, long outputTokens) {
        return body(text, "stop", inputTokens, outputTokens);
    }

    @Override
    String cutOff(String text, long inputTokens, long outputTokens) {
        return body(text, "length", inputTokens, outputTokens);
    }

    /** Ollama takes no key. */
    @Override
    Optional<Map.Entry<String, String>> keyHeader(String key) {
        return Optional.empty();
    }

    @Override
    String modelIn(LoopbackServer.Received request, JsonNode body) {
        return body.path("model").asText();
    }

    @Override
    double temperatureIn(JsonNode body) {
        return body.at("/options/temperature").asDouble();
    }

    @Override
    JsonNode schemaIn(JsonNode body) {
        return body.path("format");
    }

    @Override
    long maxTokensIn(JsonNode body) {
        return body.at("/options/num_predict").asLong();
    }

    @Override
    Refusal refusal(String text, long inputTokens, long outputTokens) {
        return Refusal.none("Ollama's /api/chat has no refusal field or refusal stop reason; a local model refuses"
                + " in plain text, which the plain-text refusal case covers");
    }

    private static String body(String text, String doneReason, long inputTokens, long outputTokens) {
        ObjectNode root = JSON.createObjectNode().put("model", MODEL).put("created_at", "2026-01-01T00:00:00.000Z");
        root.putObject("message").put("role", "assistant").put("content", text);
        root.put("done", true)
                .put("done_reason", doneReason)
                .put("total_duration", 1_000_000L)
                .put("prompt_eval_count", inputTokens)
                .put("eval_count", outputTokens);
        return root.toString();
    }
}
