package darwin.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC);

    private static Ledger open(Path file) {
        return new Ledger(file, JSON, CLOCK);
    }

    @Test
    void appendsAreReadBackInOrderWithUniqueIds(@TempDir Path dir) {
        Path file = dir.resolve("ledger.jsonl");
        Ledger ledger = open(file);
        LedgerEntry first = ledger.append(EventType.RUN, JSON.createObjectNode().put("event", "start"));
        LedgerEntry second = ledger.append(EventType.PROPOSAL, JSON.createObjectNode().put("agent", "agent-1"));
        assertNotEquals(first.id(), second.id());
        Ledger again = open(file);
        assertEquals(2, again.entries().size());
        assertEquals(first.id(), again.entries().get(0).id());
        assertEquals("agent-1", again.entries(EventType.PROPOSAL).getFirst().data().path("agent").asText());
        assertEquals(3, again.append(EventType.EVALUATION, JSON.createObjectNode()).sequence());
    }

    @Test
    void aLineCutOffByACrashIsDroppedAndTheFileRepaired(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        Ledger ledger = open(file);
        ledger.append(EventType.RUN, JSON.createObjectNode().put("event", "start"));
        ledger.append(EventType.PROPOSAL, JSON.createObjectNode().put("agent", "agent-1"));
        long good = Files.size(file);
        Files.writeString(file, "{\"schema\":1,\"id\":\"000003-ab\",\"seq\":3,\"ty", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Ledger recovered = open(file);
        assertEquals(2, recovered.entries().size());
        assertEquals(good, Files.size(file), "truncated back to the last complete line");
        recovered.append(EventType.EVALUATION, JSON.createObjectNode());
        assertEquals(3, open(file).entries().size());
    }

    @Test
    void aReaderSkipsATornLastLineAndLeavesTheFileAsItIs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        Ledger ledger = open(file);
        ledger.append(EventType.RUN, JSON.createObjectNode().put("event", "start"));
        Files.writeString(file, "{\"schema\":1,\"id\":\"000002-ab\",\"seq\":2,\"ty", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        long size = Files.size(file);
        assertEquals(1, Ledger.read(file, JSON).size());
        assertEquals(size, Files.size(file), "a reader never truncates a run's ledger");
        assertEquals(0, Ledger.read(dir.resolve("none.jsonl"), JSON).size());
    }

    @Test
    void aCorruptLineInTheMiddleIsReportedWithItsPathAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        Ledger ledger = open(file);
        ledger.append(EventType.RUN, JSON.createObjectNode());
        Files.writeString(file, "{not json}\n", StandardOpenOption.APPEND);
        ledger.append(EventType.RUN, JSON.createObjectNode());
        MemoryFormatException e = assertThrows(MemoryFormatException.class, () -> open(file));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith(file + ":2: is not valid JSON"), e.getMessage());
    }

    @Test
    void aNewerSchemaIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        Files.writeString(file, "{\"schema\":99,\"id\":\"x\",\"seq\":1,\"type\":\"RUN\",\"time\":\"2026-11-22T03:00:00Z\",\"data\":{}}\n");
        MemoryFormatException e = assertThrows(MemoryFormatException.class, () -> open(file));
        assertTrue(e.getMessage().contains("newer than this darwin reads"), e.getMessage());
    }
}
