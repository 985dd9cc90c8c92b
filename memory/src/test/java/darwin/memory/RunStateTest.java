package darwin.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCheckpointRoundTripsAndAdvances(@TempDir Path dir) throws Exception {
        RunDirectory run = new RunDirectory(dir);
        RunState state = new RunState("run-1", Instant.parse("2026-11-22T03:00:00Z"),
                JSON.readTree("{\"population\":{\"agents\":2}}"), 0,
                List.of(new RunState.Member("agent-1", "0123456789abcdef"), new RunState.Member("agent-2", "0123456789abcdef")),
                "0123456789abcdef");
        state.save(run.state(), JSON);
        assertEquals(state, RunState.load(run.state(), JSON));
        RunState next = state.next(List.of(new RunState.Member("agent-1", "fedcba9876543210"),
                new RunState.Member("agent-2", "0123456789abcdef")));
        next.save(run.state(), JSON);
        assertEquals(1, RunState.load(run.state(), JSON).generation());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(run.state()), left.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aDamagedCheckpointIsReportedWithItsPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "{\"schema\": 1, \"id\": \"run-1\", \"created\": ");
        MemoryFormatException e = assertThrows(MemoryFormatException.class, () -> RunState.load(file, JSON));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        Files.writeString(file, "{\"schema\": 1, \"id\": \"run-1\", \"created\": \"yesterday\"}");
        assertTrue(assertThrows(MemoryFormatException.class, () -> RunState.load(file, JSON)).getMessage()
                .contains("is not a run checkpoint"));
    }
}
