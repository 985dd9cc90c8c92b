package darwin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MutationTaskTest {

    private static final Persona PERSONA = new Persona("tuner", "You tune.", List.of());
    private static final Variant TARGET = Variant.seed("p.Main", Map.of("program/p/Main.java", "class Main {}\n"));

    @Test
    void aTaskWithoutAnOccurrenceIsItsAgentsOnlyOneForTheTarget() {
        MutationTask task = new MutationTask("agent-1", PERSONA, List.of(), TARGET, "agent-2", Optional.empty(), List.of(),
                List.of(), List.of(), Budget.seconds(5), 3);
        assertEquals(MutationTask.Occurrence.ONLY, task.occurrence());
        assertTrue(task.occurrence().only());
        assertFalse(new MutationTask.Occurrence(2, 3).only());
    }

    @Test
    void anOccurrenceIsTheNthOfAtLeastN() {
        assertThrows(IllegalArgumentException.class, () -> new MutationTask.Occurrence(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new MutationTask.Occurrence(3, 2));
    }

    @Test
    void aLineageStepMeasuredWithoutAnIntervalHasAChangeThatIsANumber() {
        assertThrows(IllegalArgumentException.class, () -> new LineageStep.Outcome.Measured(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new LineageStep(-1, "agent-1", "", List.of(),
                new LineageStep.Outcome.Unmeasured("TIMEOUT")));
    }
}
