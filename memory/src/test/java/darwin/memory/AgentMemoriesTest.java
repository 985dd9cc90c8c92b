package darwin.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Personas;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentMemoriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAttemptIsRememberedByTheMutatorAndTheOwnerAndSurvivesARestart(@TempDir Path dir) {
        RunDirectory run = new RunDirectory(dir);
        AgentMemories memories = new AgentMemories(run, JSON);
        memories.enrol("agent-1", Personas.forAgent(0), Map.of("provider", "offline"));
        memories.enrol("agent-2", Personas.forAgent(1), Map.of("provider", "offline"));
        Attempt attempt = AgentMemoryTest.attempt(1, "agent-1", "agent-2", "raise lr", "OK",
                AgentMemoryTest.metrics(2.0, 0.3), AgentMemoryTest.metrics(1.9, 0.31));
        memories.record(attempt);
        assertTrue(memories.knows("agent-1", attempt.proposal()));
        assertTrue(memories.knows("agent-2", attempt.proposal()));
        AgentMemories reopened = new AgentMemories(run, JSON);
        assertEquals(1, reopened.get("agent-1").attempts().size());
        assertEquals(1, reopened.get("agent-2").attempts().size());
        assertEquals("throughput engineer", reopened.get("agent-1").persona().name());
        assertFalse(reopened.knows("agent-1", "another"));
        assertThrows(IllegalArgumentException.class, () -> reopened.get("agent-9"));
        // enrolling again keeps what the agent remembers
        assertEquals(1, reopened.enrol("agent-1", Personas.forAgent(0), Map.of()).attempts().size());
    }
}
