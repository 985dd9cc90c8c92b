package darwin.runs;

import static darwin.runs.Cli.darwin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.memory.RunDirectory;
import darwin.memory.ledger.ConfirmationEvaluated;
import darwin.memory.ledger.Ledger;
import darwin.memory.ledger.LedgerEntry;
import darwin.memory.ledger.LedgerEvents;
import darwin.memory.ledger.Proposed;
import darwin.memory.ledger.RunEnded;
import darwin.memory.ledger.Selected;
import darwin.runs.Cli.Outcome;
import darwin.runs.report.GenerationFigures;
import darwin.runs.report.RunPlan;
import darwin.runs.report.RunRecords;
import darwin.runs.report.RunReport;
import darwin.trainer.variant.SeedVariant;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run directory written by darwin before its ledger events were typed records still works with
 * {@code status}, {@code memory}, {@code report} and {@code resume}. {@code schema1-run} is a whole
 * run of that darwin: two agents, two generations of two steps with stubbed training
 * ({@link StubTraining}), an LLM stand-in that asked for one more step and went down once, a
 * suggestion, the approval, the noise floor at both budgets and the confirmation of the best.
 * {@code schema1-expected/status.json} is what that darwin's {@code status --json} printed for it.
 */
class OlderRunDirectoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(OlderRunDirectoryTest.class.getResource(name).toURI());
    }

    private static Path copy(Path into) throws IOException, URISyntaxException {
        Path source = resource("schema1-run/run.json").getParent();
        Path dir = into.resolve("run");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = dir.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return dir;
    }

    @Test
    void statusSaysWhatItSaidBefore(@TempDir Path tmp) throws Exception {
        Path dir = copy(tmp);
        Outcome json = darwin("status", dir.toString(), "--json");
        assertEquals(0, json.status(), json.err());
        assertEquals(JSON.readTree(Files.readString(resource("schema1-expected/status.json"))), JSON.readTree(json.out()));
        Outcome text = darwin("status", dir.toString());
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().startsWith("run run: generation 2 of 2, finished\n"
                + "proposals: {EDITS_DID_NOT_APPLY=2, PROPOSED=2}; evaluations: 4; LLM cost $0.00; requests: 1\n"), text.out());
        assertTrue(text.out().contains("LLM endpoint: answering (1 outage ridden out"), text.out());
    }

    @Test
    void memoryAndReportReadIt(@TempDir Path tmp) throws Exception {
        Path dir = copy(tmp);
        Outcome attempts = darwin("memory", dir.toString(), "attempts");
        assertEquals(0, attempts.status(), attempts.err());
        assertTrue(attempts.out().contains("g1-s1") && attempts.out().contains("g2-s0"), attempts.out());
        Outcome page = darwin("report", dir.toString());
        assertEquals(0, page.status(), page.err());
        assertTrue(Files.isRegularFile(dir.resolve("report/index.html")));

        RunReport report = RunReport.of(RunRecords.read(new RunDirectory(dir), JSON), new RunPlan(2, 2, "3 steps", "openai"),
                Instant.parse("2026-12-08T00:00:00Z"));
        RunReport.Header header = report.header();
        assertTrue(header.finished());
        assertEquals(4, header.proposals());
        assertEquals(4, header.evaluations());
        assertEquals("3ddd7e9a5328a646", header.best().orElseThrow().variant());
        assertEquals("steps-3", header.best().orElseThrow().budget(), "compared at the budget people raised it to");
        assertEquals(2, header.seed().orElseThrow().replicates());
        assertEquals(List.of(0, 1, 2), report.generations().stream().map(GenerationFigures::generation).toList());
        assertEquals(List.of("PROPOSAL EDITS_DID_NOT_APPLY 2"), report.failures().stream()
                .map(f -> f.stage() + " " + f.kind() + " " + f.count()).toList());
        assertEquals(4, report.costs().size());
        assertEquals(1, report.ledgerRequests());
    }

    @Test
    @Timeout(240)
    void itResumesWithoutDoingAnythingTwice(@TempDir Path tmp) throws Exception {
        Path dir = copy(tmp);
        List<LedgerEntry> before = Ledger.read(dir.resolve("ledger.jsonl"));
        StubTraining stub = new StubTraining();
        stub.means.put(SeedVariant.variant().id(), new double[] {2.6, Math.log(0.03)});
        try (LlmStandIn llm = new LlmStandIn()) {
            Path state = dir.resolve("run.json");
            // the stand-in the run was made with is gone: the same settings, another port
            Files.writeString(state, Files.readString(state).replaceAll("http://127\\.0\\.0\\.1:[0-9]+/v1", llm.baseUrl()));
            Outcome resumed = stub.darwin("resume", dir.toString(), "--generations", "3");
            assertEquals(0, resumed.status(), resumed.err());
            assertTrue(resumed.err().contains("generation 3 of 3"), resumed.err());
        }
        List<LedgerEntry> after = Ledger.read(dir.resolve("ledger.jsonl"));
        assertEquals(before, after.subList(0, before.size()), "the older lines are read as they were");
        List<LedgerEntry> added = after.subList(before.size(), after.size());
        assertEquals(List.of(3), LedgerEvents.of(added, Selected.class).stream().map(Selected::generation).toList());
        assertEquals(List.of("g3-s0", "g3-s1"), LedgerEvents.of(added, Proposed.class).stream().map(Proposed::key).sorted()
                .toList());
        assertEquals(List.of(), LedgerEvents.of(added, ConfirmationEvaluated.class), "the same confirmation is not recorded twice");
        assertEquals(List.of(new RunEnded(2)), LedgerEvents.of(after, RunEnded.class), "a run ends once");
        assertTrue(darwin("status", dir.toString()).out().startsWith("run run: generation 3 of 3, finished"));
    }
}
