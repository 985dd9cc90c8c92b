package darwin.mutation.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies a request in the {@link ReplyCache}: the SHA-256, in hex, of a canonical JSON form
 * of everything the server sees — provider, model, system and user messages, temperature, output
 * token limit and JSON schema — and of the repair round. The agent and the deadline are left out:
 * the same question asked by another agent, or later, has the same answer. The round is written
 * only when it is not 0, so the key of a first request is the key it had before rounds were part
 * of it, and a cache written then still answers it.
 *
 * @param sha256 64 lowercase hex digits
 */
public record RequestKey(String sha256) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RequestKey {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a request key is 64 lowercase hex digits, got '" + sha256 + "'");
        }
    }

    /** The key of {@code request} sent to {@code provider}. */
    public static RequestKey of(Provider provider, CompletionRequest request) {
        ObjectNode canonical = JSON.createObjectNode()
                .put("v", 1)
                .put("provider", provider.id())
                .put("model", request.model())
                .put("system", request.systemMessage())
                .put("user", request.userMessage())
                .put("temperature", request.temperature())
                .put("maxOutputTokens", request.maxOutputTokens())
                .put("jsonSchema", request.jsonSchema().orElse(null));
        if (request.repairRound() > 0) {
            canonical.put("repairRound", request.repairRound());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(canonical));
            return new RequestKey(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return sha256;
    }
}
