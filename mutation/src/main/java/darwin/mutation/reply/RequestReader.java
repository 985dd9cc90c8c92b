package darwin.mutation.reply;

import com.fasterxml.jackson.databind.JsonNode;
import darwin.core.RequestKind;
import darwin.core.UpgradeRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads an upgrade request, {@code {kind, title, rationale, payload}}, from its JSON, in either
 * form of reply. {@code null}, an absent request, an empty object and the word {@code none} mean
 * no request. The
 * kind is read without regard to case, spaces or hyphens ({@code file-structure} is
 * {@code FILE_STRUCTURE}); a payload that is not a string is kept as its JSON text.
 */
final class RequestReader {

    /** The kinds, as a message lists them. */
    static final String KINDS = Arrays.stream(RequestKind.values()).map(Enum::name).collect(Collectors.joining(", "));

    private RequestReader() {
    }

    static Optional<UpgradeRequest> read(JsonNode node) throws MalformedReply {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if ((node.isTextual() && isNone(node.asText())) || (node.isObject() && node.isEmpty())) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw new MalformedReply("The request must be null (or none) or an object {\"kind\", \"title\", \"rationale\","
                    + " \"payload\"}; it is " + Excerpts.quote(node.toString()) + ".");
        }
        JsonFields fields = new JsonFields(node, "the request");
        String kindText = fields.text("kind");
        if (kindText.isBlank()) {
            throw new MalformedReply("The request has no kind; it must be one of " + KINDS + ".");
        }
        RequestKind kind = kind(kindText);
        String title = fields.text("title");
        if (title.isBlank()) {
            throw new MalformedReply("The " + kind + " request has no title; give it a one-line title.");
        }
        JsonNode payload = fields.get("payload");
        String payloadText = payload == null || payload.isNull() ? "" : payload.isTextual() ? payload.asText() : payload.toString();
        return Optional.of(new UpgradeRequest(kind, title, fields.text("rationale"), payloadText));
    }

    /** Whether a request written as text means "no request". */
    static boolean isNone(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT).replaceAll("[.`*_\"']", "");
        return word.isEmpty() || word.equals("none") || word.equals("null") || word.equals("no") || word.equals("n/a")
                || word.equals("-");
    }

    private static RequestKind kind(String text) throws MalformedReply {
        String name = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        for (RequestKind kind : RequestKind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw new MalformedReply("The request's kind " + Excerpts.quote(text) + " is not one of the kinds allowed: " + KINDS
                + ".");
    }
}
