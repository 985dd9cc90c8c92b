package darwin.mutation.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

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
    Optional<Map.Entry<String, String>> keyHeader(String key) {
        return Optional.of(Map.entry("Authorization", "Bearer " + key));
    }

    @Override
    String modelIn(LoopbackServer.Received request, JsonNode body) {
        return body.path("model").asText();
    }

    @Override
    double temperatureIn(JsonNode body) {
        return body.path("temperature").asDouble();
    }

    @Override
    JsonNode schemaIn(JsonNode body) {
        return body.at("/response_format/json_schema/schema");
    }

    @Override
    long maxTokensIn(JsonNode body) {
        return body.path("max_tokens").asLong();
    }

    /** OpenAI's refusal field: {@code message.refusal}, with no content. */
    @Override
    Refusal refusal(String text, long inputTokens, long outputTokens) {
        ObjectNode root = node("", "stop", inputTokens, outputTokens);
        ObjectNode message = (ObjectNode) root.at("/choices/0/message");
        message.putNull("content");
        message.put("refusal", text);
        return Refusal.of(root.toString(), true);
    }

    private static String body(String text, String finishReason, long inputTokens, long outputTokens) {
        return node(text, finishReason, inputTokens, outputTokens).toString();
    }

    private static ObjectNode node(String text, String finishReason, long inputTokens, long outputTokens) {
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
        return root;
    }
}
