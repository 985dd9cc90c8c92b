package darwin.mutation.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.RequestKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyFormatTest {

    @Test
    void theSchemaRequiresEveryFieldAndListsEveryRequestKind() {
        ObjectNode schema = ReplySchema.tree();

        List<String> required = new ArrayList<>();
        schema.get("required").forEach(field -> required.add(field.asText()));
        assertEquals(List.of("reasoning", "summary", "tags", "edits", "request"), required);
        assertEquals(false, schema.get("additionalProperties").asBoolean());

        JsonNode request = schema.at("/properties/request/anyOf/1/properties/kind/enum");
        List<String> kinds = new ArrayList<>();
        request.forEach(kind -> kinds.add(kind.asText()));
        assertEquals(Arrays.stream(RequestKind.values()).map(Enum::name).toList(), kinds);
    }

    @Test
    void theSchemaTreeIsACopy() {
        ReplySchema.tree().remove("properties");

        assertTrue(ReplySchema.tree().has("properties"));
        assertTrue(ReplySchema.text().contains("\"edits\""));
    }

    @Test
    void theInstructionsExplainBothFormsAndTheRules() {
        String text = ReplyFormat.instructions();

        for (String part : List.of("\"edits\"", "REASONING:", "SUMMARY:", "TAGS:", "REQUEST:", "<<<<<<< SEARCH", "=======",
                ">>>>>>> REPLACE", "<<<<<<< FILE", ">>>>>>> FILE", "program/", "harness/", "exactly once")) {
            assertTrue(text.contains(part), part);
        }
        Arrays.stream(RequestKind.values()).forEach(kind -> assertTrue(text.contains(kind.name()), kind.name()));
    }

    @Test
    void theInstructionsSayHowBlocksShareAPathThatElisionsAreRefusedAndThatAnEmptySearchCreatesAFile() {
        String text = ReplyFormat.instructions();

        assertTrue(text.contains("is refused"), text);
        assertTrue(text.contains("// ... existing code ..."), text);
        assertTrue(text.contains("a block without a path line of its own edits the file of the block before it"), text);
        assertTrue(text.contains("A SEARCH block with an empty search text also creates a new file"), text);
    }

    @Test
    void theInstructionsExamplesParse() {
        String text = ReplyFormat.instructions();
        String json = text.substring(text.indexOf('{'), text.indexOf("\n}\n") + 2);
        String blocks = text.substring(text.indexOf("REASONING:"), text.indexOf(">>>>>>> FILE") + ">>>>>>> FILE".length());

        assertInstanceOf(ParseResult.Parsed.class, ReplyParser.parse(json));
        ParseResult.Parsed parsed = assertInstanceOf(ParseResult.Parsed.class, ReplyParser.parse(blocks));
        assertEquals(2, parsed.change().edits().size());
    }
}
