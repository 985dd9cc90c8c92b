package darwin.mutation.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/** Anthropic's messages wire format. */
class AnthropicClientTest extends LlmClientContract {

    @Override
    Provider provider() {
        return Provider.ANTHROPIC;
    }

    @Override
    String path() {
        return "/v1/messages";
    }

    @Override
    String reply(String text, long inputTokens, long outputTokens) {
        return body(text, "end_turn", inputTokens, outputTokens);
    }

    @Override
    String cutOff(String text, long inputTokens, long outputTokens) {
        return body(text, "max_tokens", inputTokens, outputTokens);
    }

    @Override
    Optional<Map.Entry<String, String>> keyHeader(String key) {
        return Optional.of(Map.entry("x-api-key", key));
    }

    @Override
    String modelIn(LoopbackServer.Received request, JsonNode body) {
        return body.path("model").asText();
    }

    @Override
    double temperatureIn(JsonNode body) {
        return body.path("temperature").asDouble();
    }

    /** Anthropic's refusal: the stop reason {@code refusal}, with what the model wrote. */
    @Override
    Refusal refusal(String text, long inputTokens, long outputTokens) {
        return Refusal.of(body(text, "refusal", inputTokens, outputTokens), true);
    }

    @Override
    JsonNode schemaIn(JsonNode body) {
        return body.at("/output_config/format/schema");
    }

    @Override
    long maxTokensIn(JsonNode body) {
        return body.path("max_tokens").asLong();
    }

    private static String body(String text, String stopReason, long inputTokens, long outputTokens) {
        ObjectNode root = JSON.createObjectNode()
                .put("id", "msg_1")
                .put("type", "message")
                .put("role", "assistant")
                .put("model", MODEL)
                .put("stop_reason", stopReason)
                .putNull("stop_sequence");
        root.putArray("content").addObject().put("type", "text").put("text", text);
        root.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens);
        return root.toString();
    }
}
