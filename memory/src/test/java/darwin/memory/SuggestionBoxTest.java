package darwin.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggestionBoxTest {

    private static SuggestionBox open(Path file) {
        return new SuggestionBox(file, new ObjectMapper(), Clock.systemUTC());
    }

    @Test
    void suggestionsReachTheirAgentOrEveryAgent(@TempDir Path dir) {
        Path file = dir.resolve("suggestions.jsonl");
        open(file).add("ada", "", "try rotary embeddings");
        open(file).add("bob", "agent-2", "your warm-up is too long");
        List<Suggestion> toTwo = open(file).to("agent-2");
        assertEquals(List.of("s1", "s2"), toTwo.stream().map(Suggestion::id).toList());
        assertEquals(List.of("try rotary embeddings"), open(file).to("agent-1").stream().map(Suggestion::text).toList());
        assertThrows(IllegalArgumentException.class, () -> open(file).add("ada", "", "  "));
    }

    @Test
    void aLineCutOffByACrashIsDroppedAndTheNextIdFollowsTheKeptOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("suggestions.jsonl");
        open(file).add("ada", "", "first");
        Files.writeString(file, "{\"id\":\"s2\",\"at\":\"2026-", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Suggestion next = open(file).add("ada", "", "second");
        assertEquals("s2", next.id());
        assertEquals(2, open(file).all().size());
    }

    @Test
    void aPeekLeavesALineCutOffByACrashOutAndTheFileAsItIs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("suggestions.jsonl");
        open(file).add("ada", "agent-1", "first");
        Files.writeString(file, "{\"id\":\"s2\",\"at\":\"2026-", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(file);
        List<Suggestion> seen = open(file).peek();
        assertEquals(List.of("first"), seen.stream().map(Suggestion::text).toList());
        assertEquals("agent-1", seen.getFirst().agent());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "a peek repairs nothing");
    }

    @Test
    void aBadLineInTheMiddleIsReportedWithItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("suggestions.jsonl");
        Files.writeString(file, "not json\n{\"id\":\"s2\",\"at\":\"2026-11-22T00:00:00Z\",\"text\":\"x\"}\n");
        MemoryFormatException error = assertThrows(MemoryFormatException.class, () -> open(file).all());
        assertTrue(error.getMessage().contains(":1"), error.getMessage());
    }
}
