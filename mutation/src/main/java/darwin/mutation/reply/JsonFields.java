package darwin.mutation.reply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fields of one JSON object of a reply, looked up without regard to case ({@code Summary} is
 * {@code summary}); values that should be text are checked to be text. Two names that differ only
 * in case ({@code Edits} and {@code edits}) are one field given twice, and refused as such: one of
 * them would otherwise be dropped without a word.
 */
final class JsonFields {

    private final Map<String, JsonNode> fields = new TreeMap<>();
    private final String owner;

    /**
     * @param object the object
     * @param owner what the object is, for messages: {@code the reply}, {@code edit 2}
     * @throws MalformedReply when two of its names differ only in case
     */
    JsonFields(JsonNode object, String owner) throws MalformedReply {
        this.owner = owner;
        Map<String, String> spellings = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey().toLowerCase(Locale.ROOT);
            String earlier = spellings.putIfAbsent(name, field.getKey());
            if (earlier != null) {
                throw new MalformedReply("In " + owner + ", \"" + earlier + "\" and \"" + field.getKey() + "\" are the same"
                        + " field given twice (names are read without regard to case), and only one would be read. Give"
                        + " each field once.");
            }
            fields.put(name, field.getValue());
        }
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
