package darwin.memory.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.memory.Attempt;

/** What the query package's JSON has in common: figures that may be unknown. */
final class Json {

    private Json() {}

    /** Puts a finite number, or {@code null} for NaN and the infinities (JSON has neither). */
    static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    /** An attempt as an example: its key, summary and changes; {@code null} for none. */
    static JsonNode example(ObjectMapper json, Attempt attempt) {
        if (attempt == null) {
            return json.nullNode();
        }
        ObjectNode node = json.createObjectNode().put("proposal", attempt.proposal()).put("summary", attempt.summary());
        number(node, "perplexityChangePercent", 100 * attempt.perplexityChange());
        number(node, "mfuChangePoints", attempt.mfuChange());
        return node;
    }
}
