package darwin.trainer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The children's JSON writer writes what Jackson, which the parent reads it with, writes. */
class JsonObjectTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void writesWhatJacksonWritesForTheSameTree() throws Exception {
        double[] numbers = {0.0, -0.0, 1.0, 0.1, 2.5e-5, 1e-4, 3.0e21, 123456.789, Double.MIN_VALUE, Double.MAX_VALUE,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        JsonObject ours = new JsonObject().put("status", "TRAINED").put("steps", 30).put("tokens", Long.MIN_VALUE);
        ObjectNode theirs = JACKSON.createObjectNode().put("status", "TRAINED").put("steps", 30L).put("tokens", Long.MIN_VALUE);
        for (int i = 0; i < numbers.length; i++) {
            ours.put("n" + i, numbers[i]);
            theirs.put("n" + i, numbers[i]);
        }
        ours.putObject("speedProbes").put("ratio", 1.25).put("pairs", 3).put("note", "a/b {c}");
        theirs.putObject("speedProbes").put("ratio", 1.25).put("pairs", 3L).put("note", "a/b {c}");
        ours.put("absent", (String) null);
        theirs.putNull("absent");

        assertEquals(JACKSON.writeValueAsString(theirs), ours.toString());
        assertEquals(JACKSON.readTree(JACKSON.writeValueAsBytes(theirs)), JACKSON.readTree(ours.toBytes()));
    }

    @Test
    void anyJavaStringSurvivesTheTripAndIsWrittenInAscii() throws Exception {
        String text = "quote \" backslash \\ newline \n tab \t return \r nul \0 bell \u0007 del \u007f é ü 中文 😀"
                + " lone high \ud800 lone low \udc00 end";
        JsonObject object = new JsonObject().put("reason", text);
        byte[] bytes = object.toBytes();

        assertEquals(text, JACKSON.readTree(bytes).get("reason").asText());
        assertEquals(object.toString(), new String(bytes, StandardCharsets.US_ASCII));
        assertTrue(object.toString().chars().allMatch(c -> c >= 0x20 && c < 0x7f), object.toString());
    }

    @Test
    void puttingANameAgainReplacesItsValueWhereItWas() throws Exception {
        JsonObject object = new JsonObject().put("status", "RUNNING").put("steps", 1).put("status", "TRAINED");

        assertEquals("{\"status\":\"TRAINED\",\"steps\":1}", object.toString());
        JsonNode read = JACKSON.readTree(object.toString());
        assertEquals("TRAINED", read.get("status").asText());
    }

    @Test
    void anEmptyObjectIsTwoBraces() {
        JsonObject outer = new JsonObject();
        JsonObject inner = outer.putObject("inner");

        assertEquals("{}", inner.toString());
        assertEquals("{\"inner\":{}}", outer.toString());
    }
}
