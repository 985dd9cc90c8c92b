package darwin.mutation.reply;

import com.fasterxml.jackson.databind.JsonNode;
import darwin.core.Change;
import darwin.core.Edit;
import darwin.core.UpgradeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the JSON form's object, {@code {reasoning, summary, tags, edits, request}}, into a
 * change. Field names are read without regard to case; tags may also be one comma-separated
 * string, and edits one object rather than an array of one; line ends in edit texts become
 * {@code \n}.
 */
final class JsonChange {

    private JsonChange() {
    }

    static Change read(JsonNode root) throws MalformedReply {
        if (!root.isObject()) {
            throw new MalformedReply("The reply must be a JSON object with \"reasoning\", \"summary\", \"tags\", \"edits\" and"
                    + " \"request\"; it is " + Excerpts.quote(root.toString()) + ".");
        }
        JsonFields fields = new JsonFields(root, "the reply");
        List<Edit> edits = edits(fields.get("edits"));
        Optional<UpgradeRequest> request = RequestReader.read(fields.get("request"));
        if (edits.isEmpty() && request.isEmpty()) {
            throw new MalformedReply("The reply has no edits and no request: \"edits\" is "
                    + (fields.has("edits") ? "empty" : "missing")
                    + ". Give at least one edit, {\"path\", \"search\", \"replace\"} or {\"path\", \"content\"}.");
        }
        return new Change(fields.text("reasoning"), fields.text("summary"), tags(fields.get("tags")), edits, request);
    }

    static List<String> tags(JsonNode node) throws MalformedReply {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return Tags.split(node.asText());
        }
        if (!node.isArray()) {
            throw new MalformedReply("\"tags\" must be an array of strings; it is " + Excerpts.quote(node.toString()) + ".");
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : node) {
            if (!tag.isValueNode() || tag.isNull()) {
                throw new MalformedReply("\"tags\" must be an array of strings; it holds " + Excerpts.quote(tag.toString()) + ".");
            }
            tags.add(tag.asText().strip().toLowerCase(Locale.ROOT));
        }
        return tags;
    }

    private static List<Edit> edits(JsonNode node) throws MalformedReply {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isObject()) {
            return List.of(edit(node, 1));
        }
        if (!node.isArray()) {
            throw new MalformedReply("\"edits\" must be an array of {\"path\", \"search\", \"replace\"} or {\"path\", \"content\"}"
                    + " objects; it is " + Excerpts.quote(node.toString()) + ".");
        }
        List<Edit> edits = new ArrayList<>();
        int index = 0;
        for (JsonNode element : node) {
            index++;
            edits.add(edit(element, index));
        }
        return edits;
    }

    private static Edit edit(JsonNode element, int index) throws MalformedReply {
        String name = "Edit " + index;
        if (!element.isObject()) {
            throw new MalformedReply(name + " must be an object {\"path\", \"search\", \"replace\"} or"
                    + " {\"path\", \"content\"}; it is " + Excerpts.quote(element.toString()) + ".");
        }
        JsonFields fields = new JsonFields(element, "edit " + index);
        String path = EditPaths.check(EditPaths.tidy(fields.text("path")), name);
        boolean search = fields.has("search");
        boolean content = fields.has("content");
        if (search && content) {
            throw new MalformedReply(name + " (" + path + ") has both \"search\" and \"content\"; give either"
                    + " \"search\" and \"replace\" to change part of the file, or \"content\" to write the whole file.");
        }
        if (content) {
            return new Edit.Write(path, lineEnds(fields.text("content")));
        }
        if (!search) {
            throw new MalformedReply(name + " (" + path + ") has neither \"search\" nor \"content\"; give"
                    + " \"search\" and \"replace\" to change part of the file, or \"content\" to write the whole file.");
        }
        String searchText = lineEnds(fields.text("search"));
        if (searchText.isBlank()) {
            throw new MalformedReply(name + " (" + path + ") has an empty \"search\"; copy the lines to change"
                    + " from the file, or give \"content\" to write the whole file.");
        }
        if (!fields.has("replace")) {
            throw new MalformedReply(name + " (" + path + ") has \"search\" but no \"replace\"; give the new"
                    + " text (\"\" to delete the lines).");
        }
        return new Edit.Replace(path, searchText, lineEnds(fields.text("replace")));
    }

    /** Text with every {@code \r\n} or lone {@code \r} turned into {@code \n}. */
    static String lineEnds(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
