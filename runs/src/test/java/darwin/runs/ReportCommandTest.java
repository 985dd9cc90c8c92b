package darwin.runs;

import static darwin.runs.Cli.darwin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.runs.Cli.Outcome;
import darwin.runs.report.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code darwin report DIR} on the fixture run, and on what is not a run. */
class ReportCommandTest {

    @Test
    void writesTheReportIntoTheRunAndSaysWhere(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.copy(tmp);
        Outcome outcome = darwin("report", run.toString());
        assertEquals(0, outcome.status(), outcome.err());
        Path page = run.resolve("report/index.html");
        assertEquals("report written to " + page, outcome.out().strip());
        String html = Files.readString(page);
        assertTrue(html.contains("2 of 3"), "generations done of planned, from run.json");
        assertTrue(html.contains("5.000 s"), "the budget in words");
    }

    @Test
    void aRunWithoutRequestsSaysSo(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.copy(tmp);
        Files.delete(run.resolve("requests.json"));
        assertEquals(0, darwin("report", run.toString()).status());
        String html = Files.readString(run.resolve("report/index.html"));
        assertFalse(html.contains("waits for your decision"));
        assertTrue(html.contains("No requests in requests.json; the ledger records 1 made by agents."));
    }

    @Test
    void aRunThatHasJustStartedHasAReportWithoutFigures(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.copy(tmp);
        Files.delete(run.resolve("ledger.jsonl"));
        Files.delete(run.resolve("requests.json"));
        for (String agent : new String[] {"agent-1", "agent-2", "agent-3"}) {
            Files.delete(run.resolve("agents/" + agent + ".json"));
        }
        Outcome outcome = darwin("report", run.toString());
        assertEquals(0, outcome.status(), outcome.err());
        String html = Files.readString(run.resolve("report/index.html"));
        assertTrue(html.contains("No variant was measured yet."), "the lineage says why it is empty");
        assertTrue(html.contains("Nothing has been proposed or evaluated yet."));
    }

    @Test
    void aFolderThatIsNotARunIsAOneLineErrorNamingIt(@TempDir Path tmp) {
        Outcome outcome = darwin("report", tmp.toString());
        assertEquals(2, outcome.status());
        assertTrue(outcome.err().strip().startsWith("darwin: " + tmp + " is not a run: it has no run.json"), outcome.err());
        Outcome missing = darwin("report", tmp.resolve("nothing").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains(tmp.resolve("nothing").toString()), missing.err());
        assertFalse(Files.exists(tmp.resolve("report")), "nothing written");
    }

    @Test
    void aCorruptFileIsAOneLineErrorNamingItsPath(@TempDir Path tmp) throws Exception {
        Path run = Fixtures.copy(tmp.resolve("a"));
        Files.writeString(run.resolve("requests.json"), "{\"schema\":1,\"requests\":[{\"id\":");
        Outcome requests = darwin("report", run.toString());
        assertEquals(2, requests.status());
        assertEquals(1, requests.err().strip().lines().count(), requests.err());
        assertTrue(requests.err().contains(run.resolve("requests.json").toString()), requests.err());

        Path other = Fixtures.copy(tmp.resolve("b"));
        String ledger = Files.readString(other.resolve("ledger.jsonl"));
        Files.writeString(other.resolve("ledger.jsonl"), "not json\n" + ledger);
        Outcome broken = darwin("report", other.toString());
        assertEquals(2, broken.status());
        assertTrue(broken.err().contains(other.resolve("ledger.jsonl") + ":1"), broken.err());
        assertFalse(Files.exists(other.resolve("report/index.html")));
    }
}
