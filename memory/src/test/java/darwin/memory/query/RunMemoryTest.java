package darwin.memory.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.memory.AgentMemories;
import darwin.memory.AgentMemory;
import darwin.memory.Attempt;
import darwin.memory.MemoryFormatException;
import darwin.memory.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMemoryTest {

    @Test
    void anAttemptStoredByTheMutatorAndTheOwnerAppearsOnce(@TempDir Path dir) throws Exception {
        RunMemory memory = RunMemory.open(MemoryFixture.write(dir), MemoryFixture.JSON);
        assertEquals(16, memory.agents().stream().mapToInt(a -> a.attempts().size()).sum(), "each stored twice");
        assertEquals(MemoryFixture.ATTEMPTS, memory.attempts());
        assertEquals(List.of("agent-1", "agent-2"), memory.agents().stream().map(AgentMemory::agent).toList());
    }

    @Test
    void attemptsComeInTheOrderTheyWereProposed(@TempDir Path dir) throws Exception {
        Attempt g10 = MemoryFixture.attempt("g10-s0", "agent-1", List.of(), "OK", 9.0, 0.3);
        Attempt g2s10 = MemoryFixture.attempt("g2-s10", "agent-2", List.of(), "OK", 9.0, 0.3);
        Attempt g2s2 = MemoryFixture.attempt("g2-s2", "agent-2", List.of(), "OK", 9.0, 0.3);
        RunMemory memory = RunMemory.open(MemoryFixture.write(dir, List.of(g10, g2s10, g2s2)), MemoryFixture.JSON);
        assertEquals(List.of("g2-s2", "g2-s10", "g10-s0"), memory.attempts().stream().map(Attempt::proposal).toList());
    }

    @Test
    void attemptsAndAgentsAreFoundByIdIgnoringCase(@TempDir Path dir) throws Exception {
        RunMemory memory = RunMemory.open(MemoryFixture.write(dir), MemoryFixture.JSON);
        assertEquals("change g2-s1", memory.attempt("G2-S1").orElseThrow().summary());
        assertTrue(memory.attempt("g9-s9").isEmpty());
        assertEquals("optimisation researcher", memory.agent("Agent-2").orElseThrow().persona().name());
        assertTrue(memory.agent("agent-9").isEmpty());
    }

    @Test
    void eachAgentIsSummarisedFromTheAttemptsOfTheWholeRun(@TempDir Path dir) throws Exception {
        RunMemory memory = RunMemory.open(MemoryFixture.write(dir), MemoryFixture.JSON);
        AgentSummary one = AgentSummary.of(memory.agent("agent-1").orElseThrow(), memory.attempts());
        assertEquals(List.of(4, 4), List.of(one.made(), one.received()));
        assertEquals("g1-s0", one.best().proposal());
        assertEquals("offline", one.llmLabel());
        AgentSummary two = AgentSummary.of(memory.agent("agent-2").orElseThrow(), memory.attempts());
        assertEquals("g3-s0", two.best().proposal(), "its best is a rise when none of its attempts improved");
        assertEquals("openai/gpt-4o-mini", two.llmLabel());
        assertEquals(2.0, two.toJson(MemoryFixture.JSON).path("best").path("perplexityChangePercent").asDouble(), 1e-9);
    }

    @Test
    void aRunWithoutAgentsYetHasNoAttempts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("run.json"), "{\"schema\": 1}");
        RunMemory memory = RunMemory.open(dir, MemoryFixture.JSON);
        assertTrue(memory.agents().isEmpty() && memory.attempts().isEmpty());
        assertNull(MemoryStats.of(memory.attempts()).all().best());
    }

    @Test
    void aMissingFolderOrOneThatHoldsNoRunIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere");
        String gone = assertThrows(IllegalArgumentException.class, () -> RunMemory.open(missing, MemoryFixture.JSON)).getMessage();
        assertTrue(gone.contains(missing.toString()) && gone.contains("does not exist"), gone);
        String notARun = assertThrows(IllegalArgumentException.class, () -> RunMemory.open(dir, MemoryFixture.JSON)).getMessage();
        assertTrue(notARun.contains(dir.toString()) && notARun.contains("not a run"), notARun);
    }

    @Test
    void aCorruptMemoryFileIsReportedWithItsPathAndLine(@TempDir Path dir) throws Exception {
        MemoryFixture.write(dir);
        Path file = dir.resolve("agents/agent-2.json");
        Files.writeString(file, "{\n  \"schema\": 1,\n  \"agent\": \"agent-2\",\n  \"attempts\": [ {\"proposal\": \n");
        MemoryFormatException e = assertThrows(MemoryFormatException.class, () -> RunMemory.open(dir, MemoryFixture.JSON));
        assertEquals(file, e.file());
        assertTrue(e.line() >= 4, "line " + e.line());
        assertTrue(e.getMessage().startsWith(file + ":" + e.line() + ": "), e.getMessage());
        assertFalse(Files.list(dir.resolve("agents")).anyMatch(f -> f.toString().endsWith(".tmp")), "nothing written");
    }

    @Test
    void aRunBeingWrittenIsReadWithoutErrorsAndNothingReadIsLost(@TempDir Path dir) throws Exception {
        MemoryFixture.write(dir, List.of());
        AgentMemories memories = new AgentMemories(new RunDirectory(dir), MemoryFixture.JSON);
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int g = 1; g <= 60; g++) {
                memories.record(MemoryFixture.attempt("g" + g + "-s0", g % 2 == 0 ? "agent-1" : "agent-2", List.of("t"), "OK", 9.0, 0.3));
            }
        });
        int seen = 0;
        while (writer.isAlive() || seen < 60) {
            int now = RunMemory.open(dir, MemoryFixture.JSON).attempts().size();
            assertTrue(now >= seen, "an attempt once read is not lost: " + now + " after " + seen);
            seen = now;
        }
        writer.join();
        assertEquals(60, seen);
    }

    @Test
    void temporaryFilesOfAWriteInProgressAreNotRead(@TempDir Path dir) throws Exception {
        MemoryFixture.write(dir);
        Files.writeString(dir.resolve("agents/.agent-1.json-123.tmp"), "{\"schema\": 1, \"agent\": ");
        assertEquals(8, RunMemory.open(dir, MemoryFixture.JSON).attempts().size());
    }
}
