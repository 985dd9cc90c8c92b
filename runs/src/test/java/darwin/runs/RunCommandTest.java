package darwin.runs;

import static darwin.runs.Cli.darwin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import darwin.runs.Cli.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A small run end to end in the sandbox: tiny budgets, two agents. */
@Timeout(300)
class RunCommandTest {

    @Test
    void aRunEvolvesResumesAndReportsWhereItStands(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        // the confirmation is RunConfirmationTest's: here it would train six more times
        Outcome run = darwin("run", "--out", dir.toString(), "--population", "2", "--generations", "1", "--steps", "2",
                "--no-confirm");
        assertEquals(0, run.status(), run.err() + run.out());
        assertTrue(run.out().contains("seed  "), run.out());
        assertTrue(run.out().contains("best  "), run.out());
        assertTrue(run.out().contains("unconfirmed: confirm.enabled is false") || run.out().contains("the seed itself"),
                run.out());
        assertTrue(run.err().contains("generation 1 of 1"), run.err());
        for (String file : new String[] {"run.json", "ledger.jsonl", "agents/agent-1.json", "agents/agent-2.json", "run.log"}) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
        Outcome again = darwin("run", "--out", dir.toString());
        assertEquals(2, again.status());
        assertTrue(again.err().contains("darwin resume"), again.err());

        Outcome resumed = darwin("resume", dir.toString(), "--generations", "2");
        assertEquals(0, resumed.status(), resumed.err() + resumed.out());
        assertTrue(resumed.err().contains("generation 2 of 2"), resumed.err());

        Outcome status = darwin("status", dir.toString(), "--json");
        assertEquals(0, status.status(), status.err());
        JsonNode json = new ObjectMapper().readTree(status.out());
        assertEquals(2, json.get("generation").asInt());
        assertEquals(2, json.get("generations").asInt());
        assertTrue(json.get("finished").asBoolean());
        assertEquals(4, json.get("proposals").properties().stream().mapToInt(e -> e.getValue().asInt()).sum());
        assertTrue(json.has("best") && json.has("seed"));

        Outcome done = darwin("resume", dir.toString());
        assertEquals(0, done.status());
        assertTrue(done.out().contains("has done all its 2 generations"), done.out());
    }

    @Test
    void aBadConfigurationIsAnErrorBeforeAnythingStarts(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("darwin.yaml");
        Files.writeString(config, "population:\n  agnets: 3\n");
        Outcome outcome = darwin("run", "--config", config.toString(), "--out", tmp.resolve("run").toString());
        assertEquals(2, outcome.status());
        assertTrue(outcome.err().contains("agents"), outcome.err());
        assertTrue(!Files.exists(tmp.resolve("run")), "nothing started");
        Outcome status = darwin("status", tmp.toString());
        assertEquals(2, status.status());
        assertTrue(status.err().contains("not a run"), status.err());
    }
}
