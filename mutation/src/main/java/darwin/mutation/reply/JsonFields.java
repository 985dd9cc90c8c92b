package darwin.mutation.reply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fields of one JSON object of a reply, looked up without regard to case ({@code Summary} is
 * {@code summary}); values that should be text are checked to be text.
 */
final class JsonFields {

    private final Map<String, JsonNode> fields = new TreeMap<>();
    private final String owner;

    /**
     * @param object the object
     * @param owner what the object is, for messages: {@code the reply}, {@code edit 2}
     */
    JsonFields(JsonNode object, String owner) {
        this.owner = owner;
        object.properties().forEach(field -> fields.putIfAbsent(field.getKey().toLowerCase(Locale.ROOT), field.getValue()));
    }

    /** The value of a field, or {@code null} when absent. */
    JsonNode get(String name) {
        return fields.get(name);
    }

    boolean has(String name) {
        JsonNode node = fields.get(name);
        return node != null && !node.isNull();
    }

    /** A text field; empty when absent or null. Numbers and booleans are read as their text. */
    String text(String name) throws MalformedReply {
        JsonNode node = fields.get(name);
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        throw new MalformedReply("In " + owner + ", \"" + name + "\" must be a string; it is " + Excerpts.quote(node.toString())
                + ".");
    }
}
