package darwin.memory.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.EvaluationResult;
import darwin.core.Metrics;
import darwin.memory.MemoryFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC);
    private static final Metrics METRICS = new Metrics(2.5, Math.exp(2.5), 0.03, 1000, 30_000, 100, 800_000, 5e6, 1e11,
            35, 30, "cpu");

    private static Ledger open(Path file) {
        return new Ledger(file, CLOCK);
    }

    private static Proposed proposal(String key) {
        return new Proposed(key, 1, 0, "agent-1", "seed", "agent-2", "PROPOSED", "applied and compiled", "child", "a change",
                "why", List.of("lr"), 10, 5, 0.01, null);
    }

    private static Evaluated evaluation(String variant) {
        return new Evaluated(variant, "steps-2", 7, 0, "OK", "trained and measured", METRICS);
    }

    @Test
    void appendsAreReadBackInOrderWithUniqueIds(@TempDir Path dir) {
        Path file = dir.resolve("ledger.jsonl");
        Ledger ledger = open(file);
        LedgerEntry first = ledger.append(new RunStarted("run", "seed")).orElseThrow();
        LedgerEntry second = ledger.append(proposal("g1-s0")).orElseThrow();
        assertNotEquals(first.id(), second.id());
        Ledger again = open(file);
        assertEquals(2, again.entries().size());
        assertEquals(first.id(), again.entries().get(0).id());
        assertEquals(List.of(proposal("g1-s0")), again.events(Proposed.class));
        assertEquals(3, again.append(evaluation("child")).orElseThrow().sequence());
    }

    @Test
    void aSecondAppendOfTheSameEventIsIgnoredAlsoAfterReopening(@TempDir Path dir) {
        Path file = dir.resolve("ledger.jsonl");
        Ledger ledger = open(file);
        assertTrue(ledger.append(proposal("g1-s0")).isPresent());
        assertEquals(Optional.empty(), ledger.append(proposal("g1-s0")));
        Ledger again = open(file);
        assertEquals(Optional.empty(), again.append(proposal("g1-s0")));
        assertTrue(again.append(proposal("g1-s1")).isPresent());
        assertEquals(Optional.of(proposal("g1-s1")), again.find(Proposed.class, "g1-s1"));
        assertEquals(Optional.empty(), again.find(Proposed.class, "g2-s0"));
        assertEquals(2, open(file).entries().size());
    }

    @Test
    void theSameIdentityInAnotherKindIsAnotherEvent(@TempDir Path dir) {
        Ledger ledger = open(dir.resolve("ledger.jsonl"));
        ledger.append(evaluation("v"));
        assertTrue(ledger.append(new Replicated("v", "steps-2", 8, 1, "OK", "", METRICS)).isPresent());
        assertTrue(ledger.append(new ConfirmationEvaluated("v", "steps-2", 7, "OK", "", METRICS)).isPresent());
        assertTrue(ledger.append(new RunEnded(3)).isPresent());
        assertTrue(ledger.append(new RunStarted("run", "seed")).isPresent(), "a start is not an end");
        assertEquals(Optional.empty(), ledger.append(new RunEnded(4)), "a run ends once");
        assertEquals(5, ledger.entries().size());
    }

    @Test
    void theSameEventAppendedFromManyThreadsAtOnceIsHeldOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        Ledger ledger = open(file);
        List<Callable<Optional<LedgerEntry>>> appends = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            appends.add(() -> ledger.append(evaluation("child")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            long appended = 0;
            for (Future<Optional<LedgerEntry>> done : pool.invokeAll(appends)) {
                appended += done.get().isPresent() ? 1 : 0;
            }
            assertEquals(1, appended);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Files.readAllLines(file).size());
    }

    @Test
    void eventsThatMayRepeatAreAllRecorded(@TempDir Path dir) {
        Ledger ledger = open(dir.resolve("ledger.jsonl"));
        ledger.append(new EndpointPaused("HTTP 503", 300));
        ledger.append(new EndpointResumed(5));
        ledger.append(new EndpointPaused("HTTP 503", 300));
        ConfirmationEvaluated harness = new ConfirmationEvaluated("v", "steps-2", 9, "RUNTIME_ERROR",
                EvaluationResult.HARNESS_FAILURE + ": the slot died", null);
        ledger.append(harness);
        ledger.append(harness);
        ledger.append(new ConfirmationEvaluated("v", "steps-2", 9, "OK", "trained and measured", METRICS));
        assertEquals(Optional.empty(), ledger.append(new ConfirmationEvaluated("v", "steps-2", 9, "OK", "again", METRICS)));
        assertEquals(3, ledger.events(LlmOutage.class).size());
        assertEquals(3, ledger.entries(EventType.CONFIRMATION).size());
    }

    @Test
    void aJobsAttemptsReadBackAsTheirOwnEventsEachOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        Ledger ledger = open(file);
        List<ClusterJob> attempts = List.of(new JobSubmitted("darwin-ab12", "41", 1, "child", "steps-2", 7),
                new JobRerun("darwin-ab12", "41", 1, "PREEMPTED"),
                new JobSubmitted("darwin-ab12", "42", 2, "child", "steps-2", 7),
                new JobFinished("darwin-ab12", "42", 2, "TIMEOUT", "the program ran past its time"));
        attempts.forEach(ledger::append);
        assertEquals(Optional.empty(), ledger.append(new JobSubmitted("darwin-ab12", "43", 2, "child", "steps-2", 7)),
                "an attempt is submitted once");
        Ledger again = open(file);
        assertEquals(attempts, again.events(ClusterJob.class));
        assertEquals(4, again.entries(EventType.JOB).size());
        assertTrue(Files.readAllLines(file).get(1).contains("\"type\":\"JOB\",\"time\""), Files.readAllLines(file).get(1));
        assertTrue(Files.readAllLines(file).get(1).contains("\"event\":\"rerun\""), Files.readAllLines(file).get(1));
        assertThrows(IllegalArgumentException.class, () -> new JobRerun("darwin-ab12", "41", 0, "PREEMPTED"));
    }

    @Test
    void aLineCutOffByACrashIsDroppedAndTheFileRepaired(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        Ledger ledger = open(file);
        ledger.append(new RunStarted("run", "seed"));
        ledger.append(proposal("g1-s0"));
        long good = Files.size(file);
        Files.writeString(file, "{\"schema\":1,\"id\":\"000003-ab\",\"seq\":3,\"ty", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Ledger recovered = open(file);
        assertEquals(2, recovered.entries().size());
        assertEquals(good, Files.size(file), "truncated back to the last complete line");
        recovered.append(evaluation("child"));
        assertEquals(3, open(file).entries().size());
    }

    @Test
    void aReaderSkipsATornLastLineAndLeavesTheFileAsItIs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        Ledger ledger = open(file);
        ledger.append(new RunStarted("run", "seed"));
        Files.writeString(file, "{\"schema\":1,\"id\":\"000002-ab\",\"seq\":2,\"ty", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        long size = Files.size(file);
        assertEquals(1, Ledger.read(file).size());
        assertEquals(size, Files.size(file), "a reader never truncates a run's ledger");
        assertEquals(0, Ledger.read(dir.resolve("none.jsonl")).size());
    }

    @Test
    void aCorruptLineInTheMiddleIsReportedWithItsPathAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        Ledger ledger = open(file);
        ledger.append(new RunStarted("run", "seed"));
        Files.writeString(file, "{not json}\n", StandardOpenOption.APPEND);
        ledger.append(new RunEnded(1));
        MemoryFormatException e = assertThrows(MemoryFormatException.class, () -> open(file));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith(file + ":2: is not valid JSON"), e.getMessage());
    }

    @Test
    void aLineWhoseDataIsNotItsEventIsReportedWithItsPathLineAndWhatIsWrong(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        String start = "{\"schema\":1,\"id\":\"000001-aa\",\"seq\":1,\"type\":\"RUN\",\"time\":\"2026-11-22T03:00:00Z\","
                + "\"data\":{\"event\":\"start\",\"run\":\"r\",\"seed\":\"s\"}}\n";
        Files.writeString(file, start + "{\"schema\":1,\"id\":\"000002-aa\",\"seq\":2,\"type\":\"PROPOSAL\","
                + "\"time\":\"2026-11-22T03:00:00Z\",\"data\":{\"status\":\"PROPOSED\"}}\n");
        MemoryFormatException e = assertThrows(MemoryFormatException.class, () -> open(file));
        assertEquals(file + ":2: is not a ledger entry: its PROPOSAL event has no key", e.getMessage());

        Files.writeString(file, start + "{\"schema\":1,\"id\":\"000002-aa\",\"seq\":2,\"type\":\"RUN\","
                + "\"time\":\"2026-11-22T03:00:00Z\",\"data\":{\"event\":\"end\",\"generation\":-1}}\n");
        e = assertThrows(MemoryFormatException.class, () -> open(file));
        assertEquals(file + ":2: is not a ledger entry: its RUN event is refused: a run ends after generation 0 or later,"
                + " got -1", e.getMessage());

        Files.writeString(file, start + "{\"schema\":1,\"id\":\"000002-aa\",\"seq\":2,\"type\":\"RUN\","
                + "\"time\":\"2026-11-22T03:00:00Z\",\"data\":{\"event\":\"paused\"}}\n");
        e = assertThrows(MemoryFormatException.class, () -> open(file));
        assertTrue(e.getMessage().startsWith(file + ":2: is not a ledger entry: its RUN event cannot be read"), e.getMessage());

        Files.writeString(file, "{\"schema\":1,\"id\":\"000001-aa\",\"seq\":1,\"type\":\"GOSSIP\","
                + "\"time\":\"2026-11-22T03:00:00Z\",\"data\":{}}\n");
        e = assertThrows(MemoryFormatException.class, () -> open(file));
        assertTrue(e.getMessage().startsWith(file + ":1: is not a ledger entry: cannot be read"), e.getMessage());
        assertTrue(e.getMessage().contains("GOSSIP"), e.getMessage());
    }

    @Test
    void aNewerSchemaIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        Files.writeString(file, "{\"schema\":99,\"id\":\"x\",\"seq\":1,\"type\":\"RUN\",\"time\":\"2026-11-22T03:00:00Z\",\"data\":{}}\n");
        MemoryFormatException e = assertThrows(MemoryFormatException.class, () -> open(file));
        assertTrue(e.getMessage().contains("newer than this darwin reads"), e.getMessage());
    }
}
