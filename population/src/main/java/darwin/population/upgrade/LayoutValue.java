package darwin.population.upgrade;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the restructuring a {@code FILE_STRUCTURE} request proposes, a JSON object:
 * <pre>{"move": {"program/a/X.java": "program/b/X.java"}, "write": {"program/b/X.java": "…"},
 *  "delete": ["program/a/Old.java"], "entry": "b.Main"}</pre>
 * every part optional but one. Moves happen first, then writes (so a moved Java file can be given
 * its new package), then deletions. Every path lies under {@code program/}.
 */
final class LayoutValue {

    static final String FORM = "{\"move\": {FROM: TO}, \"write\": {PATH: CONTENT}, \"delete\": [PATH], \"entry\": CLASS}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LayoutValue() {}

    static Upgrade.ProgramChange read(String request, String text) throws UpgradeException {
        JsonNode root;
        try {
            root = JSON.readTree(text == null ? "" : text);
        } catch (JacksonException e) {
            throw new UpgradeException("the new layout is not JSON of the form " + FORM + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UpgradeException("the new layout must be a JSON object of the form " + FORM);
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of("move", "write", "delete", "entry").contains(name)) {
                throw new UpgradeException("the new layout has an unknown part '" + name + "'; its form is " + FORM);
            }
        }
        Map<String, String> moves = pairs(root.path("move"), "move", true);
        Map<String, String> writes = pairs(root.path("write"), "write", false);
        Set<String> deletes = new HashSet<>();
        for (JsonNode path : root.path("delete")) {
            deletes.add(ScriptValue.underProgram(path.asText()));
        }
        Optional<String> entry = root.hasNonNull("entry") ? Optional.of(root.path("entry").asText()) : Optional.empty();
        if (moves.isEmpty() && writes.isEmpty() && deletes.isEmpty()) {
            throw new UpgradeException("the new layout moves, writes and deletes nothing; its form is " + FORM);
        }
        return new Upgrade.ProgramChange(request, new TreeMap<>(writes), new TreeMap<>(moves), deletes, entry);
    }

    private static Map<String, String> pairs(JsonNode node, String part, boolean pathValues) throws UpgradeException {
        Map<String, String> pairs = new TreeMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return pairs;
        }
        if (!node.isObject()) {
            throw new UpgradeException("'" + part + "' must be an object; the layout's form is " + FORM);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                throw new UpgradeException("'" + part + "' of " + field.getKey() + " must be text");
            }
            String value = field.getValue().asText();
            pairs.put(ScriptValue.underProgram(field.getKey()), pathValues ? ScriptValue.underProgram(value) : value);
        }
        return pairs;
    }
}
