package darwin.mutation.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

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
    Map.Entry<String, String> keyHeader(String key) {
        return Map.entry("x-api-key", key);
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
