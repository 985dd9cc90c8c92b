package darwin.population.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.LineageStep;
import darwin.core.Metrics;
import darwin.core.MutationTask.Occurrence;
import darwin.core.Personas;
import darwin.core.stats.Interval;
import darwin.memory.AgentMemories;
import darwin.memory.Attempt;
import darwin.memory.Effect;
import darwin.memory.RunDirectory;
import darwin.population.selection.Pairing;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** Variant {@code i} of a chain: 16 hex digits. */
    private static String variant(int i) {
        return String.format("%016x", i);
    }

    private static Metrics perplexity(double perplexity) {
        return new Metrics(Math.log(perplexity), perplexity, 0.1, 1000, 1000, 10, 100, 600, 1e12, 5, 4, "cpu()");
    }

    @Test
    void aLineageLongerThanAPromptShowsIsHandedOverWholeWithEveryStepsTags(@TempDir Path dir) {
        AgentMemories memories = new AgentMemories(new RunDirectory(dir), new ObjectMapper());
        memories.enrol("agent-1", Personas.forAgent(0), Map.of());
        memories.enrol("agent-2", Personas.forAgent(1), Map.of());
        for (int g = 1; g <= 8; g++) {
            memories.record(new Attempt("g" + g + "-s0", g, "agent-1", "agent-2", variant(g - 1), variant(g), "step " + g, "",
                    List.of("catalog:entry-" + g), "", 0, 0, 0, "TIMEOUT", "", null, null));
        }
        List<LineageStep> lineage = new TaskBriefing(memories, id -> List.of()).lineage(variant(8));
        assertEquals(8, lineage.size(), "the catalog reads every entry tried, beyond the six steps a prompt shows");
        assertEquals(List.of("catalog:entry-8"), lineage.getFirst().tags(), "newest first");
        assertEquals(List.of("catalog:entry-1"), lineage.getLast().tags());
        assertEquals(new LineageStep.Outcome.Unmeasured("TIMEOUT"), lineage.getFirst().outcome());
    }

    @Test
    void aStepsOutcomeIsItsChangeJudgedAgainstTheNoiseWhereTheRunKnewIt() {
        Attempt once = new Attempt("g1-s0", 1, "agent-1", "agent-2", variant(0), variant(1), "", "", List.of(), "", 0, 0, 0,
                "OK", "", perplexity(10), perplexity(9));
        assertEquals(-0.1, ((LineageStep.Outcome.Measured) TaskBriefing.outcome(once)).perplexity(), 1e-12);
        Interval lower = new Interval(-0.1, -0.15, -0.05, 0.95);
        Attempt judged = new Attempt("g1-s0", 1, "agent-1", "agent-2", variant(0), variant(1), "", "", List.of(), "", 0, 0,
                0, "OK", "", perplexity(10), perplexity(9), new Effect(lower, lower, 3, 3, Effect.Verdict.BETTER));
        assertEquals(new LineageStep.Outcome.Judged(lower, LineageStep.Verdict.BETTER), TaskBriefing.outcome(judged));
    }
}
