package darwin.memory.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import darwin.memory.Attempt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AttemptExportTest {

    @Test
    void csvQuotesCommasQuotesAndLineBreaks() {
        assertEquals("plain", Csv.field("plain"));
        assertEquals("\"a, b\"", Csv.field("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.field("two\nlines"));
        assertEquals("\"cr\rhere\"", Csv.field("cr\rhere"));
        assertEquals("a,\"b,c\",\r\n", Csv.record(List.of("a", "b,c", "")));
    }

    @Test
    void csvHasAHeaderAndOneRecordPerAttemptInAStableOrder() {
        Attempt tricky = new Attempt("g4-s0", 4, "agent-1", "agent-2", "0123456789abcdef", null, "lr, warm-up \"fixed\"",
                "line one\nline two", List.of("optimizer", "catalog:lr"), "", 0, 0, 0, "DOES_NOT_COMPILE", "x", null, null);
        String csv = AttemptExport.csv(List.of(MemoryFixture.ATTEMPTS.get(0), tricky));
        List<List<String>> records = parse(csv);
        assertEquals(3, records.size());
        assertEquals(AttemptExport.columns(), records.get(0));
        assertEquals(List.of("proposal", "generation", "mutator", "owner", "status", "stage", "compiled", "trained",
                "improved", "summary", "tags"), records.get(0).subList(0, 11), "the first columns do not move");
        List<String> first = records.get(1);
        assertEquals("g1-s0", first.get(0));
        assertEquals("true", first.get(column("improved")));
        assertEquals(-10.0, Double.parseDouble(first.get(column("perplexityChangePercent"))), 1e-9);
        assertEquals("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n", first.get(column("diff")), "a diff survives quoting");
        List<String> second = records.get(2);
        assertEquals("lr, warm-up \"fixed\"", second.get(column("summary")));
        assertEquals("line one\nline two", second.get(column("reasoning")));
        assertEquals("optimizer;catalog:lr", second.get(column("tags")));
        assertEquals("", second.get(column("perplexityAfter")), "no figure, empty field");
        assertEquals("DID_NOT_COMPILE", second.get(column("stage")));
    }

    @Test
    void jsonLinesHaveTheSameColumnsOneAttemptPerLine() throws Exception {
        String jsonl = AttemptExport.jsonl(MemoryFixture.ATTEMPTS, MemoryFixture.JSON);
        String[] lines = jsonl.split("\n");
        assertEquals(8, lines.length);
        JsonNode first = MemoryFixture.JSON.readTree(lines[0]);
        List<String> names = new ArrayList<>();
        first.fieldNames().forEachRemaining(names::add);
        assertEquals(AttemptExport.columns(), names);
        assertTrue(first.path("tags").isArray() && first.path("improved").asBoolean());
        JsonNode failed = MemoryFixture.JSON.readTree(lines[3]);
        assertTrue(failed.path("perplexityAfter").isNull() && failed.path("mfuChangePoints").isNull());
        assertEquals(AttemptExport.Format.JSONL, AttemptExport.Format.named("JsonL"));
        assertThrows(IllegalArgumentException.class, () -> AttemptExport.Format.named("xlsx"));
    }

    @Test
    void theVerdictTheIntervalsAndTheReplicatesAreColumnsOfBothFormats() throws Exception {
        List<String> columns = AttemptExport.columns();
        List<String> added = List.of("verdict", "perplexityChangeLowPercent", "perplexityChangeHighPercent", "mfuChangePercent",
                "mfuChangeLowPercent", "mfuChangeHighPercent", "replicatesBefore", "replicatesAfter");
        int first = columns.indexOf("verdict");
        assertEquals(added, columns.subList(first, first + added.size()), "together, after mfuChangePoints");
        assertEquals("mfuChangePoints", columns.get(first - 1));

        List<List<String>> csv = parse(AttemptExport.csv(MemoryFixture.JUDGED));
        List<String> better = csv.get(1);
        assertEquals(List.of("BETTER", "-12.0", "-8.0", "5.0", "1.0", "9.0", "3", "3"),
                better.subList(first, first + added.size()).stream().map(AttemptExportTest::rounded).toList());
        assertEquals("true", better.get(column("improved")));
        assertEquals(-10.0, Double.parseDouble(better.get(column("perplexityChangePercent"))), 1e-9);
        List<String> noise = csv.get(2);
        assertEquals("WITHIN_NOISE", noise.get(column("verdict")));
        assertEquals("false", noise.get(column("improved")), "a fall within the noise is no improvement");
        assertEquals("2", noise.get(column("replicatesAfter")));
        assertEquals("WORSE", csv.get(3).get(column("verdict")));
        List<String> older = csv.get(4);
        assertEquals(List.of("", "", "", "10.0", "", "", "1", "1"),
                older.subList(first, first + added.size()).stream().map(AttemptExportTest::rounded).toList(),
                "an attempt without an effect: no verdict, no bounds, one draw each side");
        assertEquals("true", older.get(column("improved")), "its single draw fell");
        List<String> failed = csv.get(5);
        assertTrue(failed.subList(first, first + added.size()).stream().allMatch(String::isEmpty), failed.toString());

        String[] lines = AttemptExport.jsonl(MemoryFixture.JUDGED, MemoryFixture.JSON).split("\n");
        JsonNode noiseLine = MemoryFixture.JSON.readTree(lines[1]);
        List<String> names = new ArrayList<>();
        noiseLine.fieldNames().forEachRemaining(names::add);
        assertEquals(columns, names);
        assertEquals("WITHIN_NOISE", noiseLine.path("verdict").asText());
        assertEquals(-2.3, noiseLine.path("perplexityChangeLowPercent").asDouble(), 1e-9);
        assertEquals(0.7, noiseLine.path("perplexityChangeHighPercent").asDouble(), 1e-9);
        JsonNode olderLine = MemoryFixture.JSON.readTree(lines[3]);
        assertTrue(olderLine.path("verdict").isNull() && olderLine.path("perplexityChangeLowPercent").isNull());
        assertEquals(1, olderLine.path("replicatesBefore").asInt());
    }

    /** A decimal figure to one place, so that the test does not depend on the last digits of a double. */
    private static String rounded(String field) {
        return field.matches("-?\\d+\\.\\d+") ? String.format(Locale.ROOT, "%.1f", Double.parseDouble(field)) : field;
    }

    private static int column(String name) {
        return AttemptExport.columns().indexOf(name);
    }

    /** An RFC 4180 reader, written apart from the writer it checks. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && csv.startsWith("\r\n", i)) {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertTrue(record.isEmpty() && field.isEmpty(), "the last record ends with CR LF");
        return records;
    }
}
