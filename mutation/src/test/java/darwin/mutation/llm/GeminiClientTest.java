package darwin.mutation.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * Google's Gemini {@code generateContent} wire format: the model in the path, the key in
 * {@code x-goog-api-key}, sampling under {@code generationConfig}, a reply as {@code candidates}
 * with a {@code finishReason}, tokens in {@code usageMetadata}.
 */
class GeminiClientTest extends LlmClientContract {

    @Override
    Provider provider() {
        return Provider.GEMINI;
    }

    @Override
    String path() {
        return "/v1/models/" + MODEL + ":generateContent";
    }

    @Override
    String reply(String text, long inputTokens, long outputTokens) {
        return body(text, "STOP", inputTokens, outputTokens);
    }

    @Override
    String cutOff(String text, long inputTokens, long outputTokens) {
        return body(text, "MAX_TOKENS", inputTokens, outputTokens);
    }

    @Override
    Optional<Map.Entry<String, String>> keyHeader(String key) {
        return Optional.of(Map.entry("x-goog-api-key", key));
    }

    @Override
    String modelIn(LoopbackServer.Received request, JsonNode body) {
        String path = request.path();
        int start = path.indexOf("/models/") + "/models/".length();
        int end = path.indexOf(':', start);
        return start < "/models/".length() || end < 0 ? "" : path.substring(start, end);
    }

    @Override
    double temperatureIn(JsonNode body) {
        return body.at("/generationConfig/temperature").asDouble();
    }

    @Override
    JsonNode schemaIn(JsonNode body) {
        return body.at("/generationConfig/responseJsonSchema");
    }

    @Override
    long maxTokensIn(JsonNode body) {
        return body.at("/generationConfig/maxOutputTokens").asLong();
    }

    /** Gemini's refusal: a candidate stopped for {@code SAFETY}, with no content. */
    @Override
    Refusal refusal(String text, long inputTokens, long outputTokens) {
        ObjectNode root = JSON.createObjectNode().put("modelVersion", MODEL).put("responseId", "resp-1");
        ObjectNode candidate = root.putArray("candidates").addObject().put("finishReason", "SAFETY").put("index", 0);
        candidate.putArray("safetyRatings").addObject()
                .put("category", "HARM_CATEGORY_DANGEROUS_CONTENT")
                .put("probability", "HIGH")
                .put("blocked", true);
        root.putObject("usageMetadata").put("promptTokenCount", inputTokens).put("totalTokenCount", inputTokens);
        return Refusal.of(root.toString(), false);
    }

    private static String body(String text, String finishReason, long inputTokens, long outputTokens) {
        ObjectNode root = JSON.createObjectNode().put("modelVersion", MODEL).put("responseId", "resp-1");
        ObjectNode candidate = root.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content").put("role", "model");
        content.putArray("parts").addObject().put("text", text);
        candidate.put("finishReason", finishReason).put("index", 0);
        root.putObject("usageMetadata")
                .put("promptTokenCount", inputTokens)
                .put("candidatesTokenCount", outputTokens)
                .put("totalTokenCount", inputTokens + outputTokens);
        return root.toString();
    }
}
