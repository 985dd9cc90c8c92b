package darwin.memory.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.RequestKind;
import darwin.memory.RunState;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's lines keep the shape darwin wrote before its events were typed, so that the runs of
 * an older darwin read the same. {@code schema-1.jsonl} is the ledger of a two-generation run made
 * by that darwin (stubbed training, an LLM stand-in that asked for a budget and went down once,
 * a suggestion, an approval and a confirmation), with the lines of a kind added since appended in the
 * shape this darwin writes them (an evaluation's cluster job: submitted, preempted, submitted again, finished).
 */
class LedgerFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path fixture() throws URISyntaxException {
        return Path.of(LedgerFormatTest.class.getResource("/darwin/memory/ledger/schema-1.jsonl").toURI());
    }

    @Test
    void everyLineOfARunWrittenBeforeTheTypedEventsReadsAndIsWrittenBackTheSame() throws Exception {
        Path file = fixture();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<LedgerEntry> entries = Ledger.read(file);
        assertEquals(lines.size(), entries.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(lines.get(i), new String(LedgerJson.line(entries.get(i)), StandardCharsets.UTF_8), "line " + (i + 1));
        }
        Set<EventType> types = entries.stream().map(LedgerEntry::type).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(EventType.class)));
        assertEquals(EnumSet.complementOf(EnumSet.of(EventType.RUNG, EventType.PROMOTION)), types,
                "the fixture has every type of event but those of budget rungs, which came after it");
    }

    @Test
    void theRunsEventsReadAsTheirRecords() throws Exception {
        List<LedgerEntry> entries = Ledger.read(fixture());
        RunStarted start = LedgerEvents.of(entries, RunStarted.class).getFirst();
        assertEquals("65c70b7a245ea14e", start.seed());
        assertEquals(List.of(new RunEnded(2)), LedgerEvents.of(entries, RunEnded.class));
        Proposed first = LedgerEvents.of(entries, Proposed.class).getFirst();
        assertEquals("g1-s1", first.key());
        assertEquals(RequestKind.BUDGET, first.upgrade().orElseThrow().kind());
        Selected selection = LedgerEvents.of(entries, Selected.class).getFirst();
        assertEquals(Map.of("3ddd7e9a5328a646", 1, "65c70b7a245ea14e", 2), selection.replicates());
        assertEquals(List.of(new RunState.Member("agent-1", "65c70b7a245ea14e"),
                new RunState.Member("agent-2", "3ddd7e9a5328a646")), selection.members());
        assertEquals(List.of(Decided.Outcome.APPROVED, Decided.Outcome.APPLIED),
                LedgerEvents.of(entries, Decided.class).stream().map(Decided::outcome).toList());
        assertEquals(List.of(EndpointPaused.class, EndpointResumed.class),
                LedgerEvents.of(entries, LlmOutage.class).stream().map(Object::getClass).toList());
        Replicated replicate = LedgerEvents.of(entries, Replicated.class).getFirst();
        assertEquals(1, replicate.replicate());
        assertTrue(replicate.measured().isPresent());
        assertEquals(4, LedgerEvents.of(entries, ConfirmationEvaluated.class).size());
        assertEquals(List.of(JobSubmitted.class, JobRerun.class, JobSubmitted.class, JobFinished.class),
                LedgerEvents.of(entries, ClusterJob.class).stream().map(Object::getClass).toList());
    }

    /** The first ledgers: no replicate number, no budget, replicates or noise in a selection. */
    @Test
    void linesOfTheFirstLedgersReadWithWhatTheyMeantByLeavingFieldsOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        Files.writeString(file, """
                {"schema": 1, "id": "000001-0000abc1", "seq": 1, "type": "EVALUATION", "time": "2026-11-22T05:00:10Z", \
                "data": {"variant": "seed000000000000", "budget": "seconds-5.0", "seed": 1, "status": "RUNTIME_ERROR", \
                "reason": "it threw"}}
                {"schema": 1, "id": "000002-0000abc2", "seq": 2, "type": "SELECTION", "time": "2026-11-22T05:02:00Z", \
                "data": {"generation": 1, "members": [{"agent": "agent-1", "variant": "seed000000000000"}], \
                "elites": ["seed000000000000"]}}
                """);
        Ledger ledger = new Ledger(file, java.time.Clock.systemUTC());
        Evaluated evaluation = ledger.events(Evaluated.class).getFirst();
        assertEquals(0, evaluation.replicate());
        assertTrue(evaluation.measured().isEmpty());
        Selected selection = ledger.find(Selected.class, Selected.identity(1)).orElseThrow();
        assertEquals("", selection.budget());
        assertEquals(Map.of(), selection.replicates());
        assertEquals(null, selection.noise());
        assertEquals(List.of("seed000000000000"), selection.variants());
    }

    /** A rung's events read back as written, once each by identity, and leave missing metrics out. */
    @Test
    void rungEventsReadBackAndAreHeldOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        Ledger ledger = new Ledger(file, java.time.Clock.systemUTC());
        String child = "a".repeat(16);
        RungEvaluated rung = new RungEvaluated(2, child, 0, "tokens-22222", 7, "TIMEOUT", "past its time", null);
        Promoted promoted = new Promoted(2, 0, "tokens-22222", List.of(child, "b".repeat(16)), List.of(child));
        ledger.append(rung);
        ledger.append(promoted);
        ledger.append(rung);
        ledger.append(promoted);
        assertEquals(List.of(rung, promoted), new Ledger(file, java.time.Clock.systemUTC()).entries().stream()
                .map(LedgerEntry::event).toList());
        assertEquals(List.of(EventType.RUNG, EventType.PROMOTION), ledger.entries().stream().map(LedgerEntry::type).toList());
        assertTrue(Files.readAllLines(file).getFirst().contains("\"data\":{\"generation\":2,\"variant\""));
        assertFalse(Files.readAllLines(file).getFirst().contains("metrics"));
    }

    /** What the fixture's run did not do is written as the code before the typed events wrote it. */
    @Test
    void theEventsTheFixtureLacksHaveTheirOldShape(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        Ledger ledger = new Ledger(file, java.time.Clock.systemUTC());
        ledger.append(new EndpointStopped("HTTP 503", 600));
        ledger.append(new Decided("r2", Decided.Outcome.DENIED, "agent-2", RequestKind.LIBRARY, 3, "ada", "", null));
        ledger.append(new Decided("r3", Decided.Outcome.FAILED, "agent-1", RequestKind.SCRIPT, 4, "ada", "ok",
                "it fits no member"));
        List<String> data = Files.readAllLines(file).stream().map(line -> {
            try {
                return JSON.readTree(line).path("data").toString();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertEquals(List.of("{\"state\":\"stopped\",\"reason\":\"HTTP 503\",\"outageSeconds\":600}",
                "{\"request\":\"r2\",\"outcome\":\"DENIED\",\"agent\":\"agent-2\",\"kind\":\"LIBRARY\",\"generation\":3,"
                        + "\"by\":\"ada\",\"note\":\"\"}",
                "{\"request\":\"r3\",\"outcome\":\"FAILED\",\"agent\":\"agent-1\",\"kind\":\"SCRIPT\",\"generation\":4,"
                        + "\"by\":\"ada\",\"note\":\"ok\",\"applied\":\"it fits no member\"}"), data);
        assertEquals(ledger.entries(), new Ledger(file, java.time.Clock.systemUTC()).entries());
    }
}
