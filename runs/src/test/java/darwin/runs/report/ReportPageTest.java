package darwin.runs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.memory.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page of the fixture run: escaped, self-contained, with the pending request up front. */
class ReportPageTest {

    private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL);

    private static String html;

    @BeforeAll
    static void render(@TempDir Path tmp) {
        html = ReportPage.html(RunReportTest.fixture(tmp));
    }

    @Test
    void runTextFromAnLlmIsEscapedAndCannotAddAScript() {
        assertFalse(html.contains("<script>alert(1)"), "the hostile summary, reasoning and diff stay text");
        assertTrue(html.contains("Fan-in initialisation &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("+// &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "the diff's added line");
        assertTrue(html.contains("&amp; &lt;b&gt;bold&lt;/b&gt; {{script}}"), "markup and placeholders in run text stay text");
        assertTrue(html.contains("Twice the budget &lt;please&gt;"));
        Matcher scripts = SCRIPT.matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
        }
        assertEquals(3, count, "the data, Chart.js and the page's own script, and nothing else");
    }

    @Test
    void theDataIsJsonThatCannotEndItsElement() throws Exception {
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(data.find());
        assertFalse(data.group(1).contains("<"), "no '<' at all in the inlined JSON");
        JsonNode json = new ObjectMapper().readTree(data.group(1));
        assertEquals(3, json.path("generations").path("labels").size());
        assertEquals(11.0, json.path("generations").path("bestPerplexity").get(2).asDouble(), 1e-9);
        assertEquals(2, json.path("pareto").path("front").size());
        assertEquals("\\u003c/script\\u003e", ReportData.safe("</script>"));
    }

    @Test
    void theChartLibraryIsInlinedAndNothingComesFromTheNetwork() {
        assertTrue(html.contains("Chart.js v" + ChartLibrary.load().version()), "the bundle's own banner");
        assertFalse(Pattern.compile("<script[^>]*\\ssrc=", Pattern.CASE_INSENSITIVE).matcher(html).find());
        assertFalse(Pattern.compile("(src|href)=\"https?:", Pattern.CASE_INSENSITIVE).matcher(html).find());
        assertFalse(html.contains("sourceMappingURL"));
        assertTrue(html.contains("Chart.defaults.animation = false"), "a screenshot shows the final state");
        assertFalse(html.contains("{{header}}") || html.contains("{{data}}"), "every placeholder filled");
    }

    @Test
    void onlyThePagesOwnScriptsMayRun() {
        Matcher policy = Pattern.compile("script-src ([^;]+);").matcher(html);
        assertTrue(policy.find(), "a content security policy names the scripts");
        Matcher scripts = SCRIPT.matcher(html);
        StringBuilder hashes = new StringBuilder();
        while (scripts.find()) {
            if (!scripts.group(1).contains("application/json")) {
                hashes.append(hashes.isEmpty() ? "" : " ").append(ReportPage.hash(scripts.group(2)));
            }
        }
        assertEquals(hashes.toString(), policy.group(1).strip());
        assertTrue(html.contains("default-src 'none'"));
    }

    @Test
    void aPendingRequestIsShownFirstWithTheCommandsToDecide() {
        int pending = html.indexOf("1 request waits for your decision");
        assertTrue(pending > 0 && pending < html.indexOf("Progress by generation"), "above the charts");
        assertTrue(html.matches("(?s).*\\./darwin requests \\S+ approve r1\n.*"), "the command to approve");
        assertTrue(html.contains("<span class=\"status denied\">DENIED</span>"), "the decided one, in the table");
        assertTrue(html.contains("not now"));
    }

    @Test
    void theLineageShowsEachStepInOrder() {
        int first = html.indexOf("Set the weight decay so that its timescale");
        int second = html.indexOf("Fan-in initialisation");
        assertTrue(first > html.indexOf("Lineage of the best variant") && second > first);
        assertTrue(html.contains("perplexity 12.000 → 11.000 <span class=\"better\">(-8.3%, one draw each side, unjudged)</span>"));
    }

    @Test
    void aShellWordWithSpacesIsQuoted() {
        assertEquals("/tmp/run-1", RequestsHtml.shellWord("/tmp/run-1"));
        assertEquals("'/tmp/my run'", RequestsHtml.shellWord("/tmp/my run"));
        assertEquals("'it'\\''s'", RequestsHtml.shellWord("it's"));
    }

    @Test
    void controlCharactersInRunTextAreShownAsOnATerminal(@TempDir Path tmp) throws Exception {
        Path dir = Fixtures.copy(tmp);
        for (String file : List.of("agents/agent-2.json", "agents/agent-3.json", "ledger.jsonl", "requests.json")) {
            Path path = dir.resolve(file);
            // JSON escapes in the files: the texts hold the raw characters
            Files.writeString(path, Files.readString(path)
                    .replace("It helps.", "It helps. \\u001b[2J\\u001b]0;owned\\u0007 \\u202eevil \\u009b31m")
                    .replace("Twice the budget", "Twice \\u001b[5m the budget"));
        }
        String page = ReportPage.html(RunReport.of(RunRecords.read(new RunDirectory(dir), new ObjectMapper()),
                new RunPlan(3, 3, "5.000 s", "openai gpt-test"), Instant.parse("2026-11-22T08:00:00Z")));
        for (char raw : new char[] {'\u001b', '\u0007', '\u202e', '\u009b'}) {
            assertFalse(page.indexOf(raw) >= 0, String.format("U+%04X is on the page", (int) raw));
        }
        assertTrue(page.contains("It helps. \\e[2J\\e]0;owned\\x07 \\u202eevil \\u009b31m"), "the reasoning, shown");
        assertTrue(page.contains("Twice \\e[5m the budget &lt;please&gt;"), "the request's title, shown and escaped");
    }
}
