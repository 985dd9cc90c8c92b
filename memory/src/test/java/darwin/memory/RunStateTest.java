package darwin.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.stats.Interval;
import darwin.core.stats.Noise;
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
    void theNoiseFloorAndTheConfirmedGainRoundTrip(@TempDir Path dir) throws Exception {
        RunDirectory run = new RunDirectory(dir);
        RunState state = new RunState("run-1", Instant.parse("2026-11-22T03:00:00Z"), JSON.createObjectNode(), 2,
                List.of(new RunState.Member("agent-1", "0123456789abcdef")), "0123456789abcdef")
                .withNoiseFloor(new NoiseFloor("tokens-60000", 3, new Noise(0.012, 2), Noise.UNKNOWN))
                .withConfirmed(new ConfirmedGain("fedcba9876543210", "0123456789abcdef", "tokens-60000", 3,
                        new Interval(-0.12, -0.15, -0.09, 0.95),
                        new Interval(0.01, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.95),
                        Instant.parse("2026-11-22T05:00:00Z")));
        state.save(run.state(), JSON);
        RunState read = RunState.load(run.state(), JSON);
        assertEquals(state, read);
        assertTrue(read.confirmed().significant());
        assertEquals(state.noiseFloor(), read.next(state.members()).noiseFloor(), "a generation keeps the floor");
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
