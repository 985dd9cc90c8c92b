package darwin.population.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import darwin.core.MutationTask.Occurrence;
import darwin.population.selection.Pairing;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TaskBriefingTest {

    private static final String V1 = "1".repeat(16);
    private static final String V2 = "2".repeat(16);

    @Test
    void twoSlotsPairingOneAgentWithOneTargetAreToldApartInSlotOrder() {
        List<Pairing> pairings = List.of(
                new Pairing("agent-1", V1, "agent-2"),
                new Pairing("agent-2", V1, "agent-2"),
                new Pairing("agent-1", V2, "agent-3"),
                new Pairing("agent-1", V1, "agent-2"));

        List<Occurrence> occurrences = IntStream.range(0, pairings.size())
                .mapToObj(slot -> TaskBriefing.occurrence(pairings, slot)).toList();

        assertEquals(List.of(new Occurrence(1, 2), Occurrence.ONLY, Occurrence.ONLY, new Occurrence(2, 2)), occurrences);
    }
}
