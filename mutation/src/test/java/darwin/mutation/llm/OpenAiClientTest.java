package darwin.mutation.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The OpenAI chat-completions wire format, as OpenAI and compatible servers speak it. */
class OpenAiClientTest extends LlmClientContract {

    @Override
    Provider provider() {
        return Provider.OPENAI;
    }

    @Override
    String path() {
        return "/v1/chat/completions";
    }

    @Override
    String reply(String text, long inputTokens, long outputTokens) {
        return body(text, "stop", inputTokens, outputTokens);
    }

    @Override
    String cutOff(String text, long inputTokens, long outputTokens) {
        return body(text, "length", inputTokens, outputTokens);
    }

    @Override
    Map.Entry<String, String> keyHeader(String key) {
        return Map.entry("Authorization", "Bearer " + key);
    }

    @Override
    JsonNode schemaIn(JsonNode body) {
        return body.at("/response_format/json_schema/schema");
    }

    @Override
    long maxTokensIn(JsonNode body) {
        return body.path("max_tokens").asLong();
    }

    private static String body(String text, String finishReason, long inputTokens, long outputTokens) {
        ObjectNode root = JSON.createObjectNode()
                .put("id", "chatcmpl-1")
                .put("object", "chat.completion")
                .put("created", 1_700_000_000L)
                .put("model", MODEL);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason);
        choice.putObject("message").put("role", "assistant").put("content", text);
        root.putObject("usage")
                .put("prompt_tokens", inputTokens)
                .put("completion_tokens", outputTokens)
                .put("total_tokens", inputTokens + outputTokens);
        return root.toString();
    }
}
