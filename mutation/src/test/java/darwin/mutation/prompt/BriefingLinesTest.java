package darwin.mutation.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import darwin.core.LineageStep;
import darwin.core.LineageStep.Outcome;
import darwin.core.stats.Interval;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BriefingLinesTest {

    @Test
    void aJudgedStepSaysItsIntervalAndWhetherItIsMoreThanNoise() {
        Interval lower = new Interval(-0.02, -0.031, -0.009, 0.95);
        assertEquals("gen 3, agent-2: rotary embeddings → perplexity -2.0% [-3.1%, -0.9%] (better beyond noise)",
                BriefingLines.step(new LineageStep(3, "agent-2", "rotary embeddings", List.of(),
                        new Outcome.Judged(lower, LineageStep.Verdict.BETTER))));
        assertEquals("perplexity +0.5% [-1.0%, +2.0%] (within noise: no evidence either way)", BriefingLines.effect(
                new Outcome.Judged(new Interval(0.005, -0.01, 0.02, 0.95), LineageStep.Verdict.WITHIN_NOISE)));
        assertEquals("perplexity +3.0%", BriefingLines.effect(new Outcome.Measured(0.03)));
        assertEquals("TIMEOUT", BriefingLines.effect(new Outcome.Unmeasured("TIMEOUT")));
    }

    @Test
    void aPromptShowsTheNewestStepsOfALongLineageOnly() {
        List<LineageStep> steps = IntStream.range(0, 10).map(i -> 10 - i)
                .mapToObj(g -> new LineageStep(g, "agent-1", "step " + g, List.of(), new Outcome.Measured(0))).toList();
        List<String> lines = BriefingLines.lineage(steps);
        assertEquals(BriefingLines.LINEAGE_LINES, lines.size());
        assertEquals("gen 10, agent-1: step 10 → perplexity +0.0%", lines.getFirst());
    }
}
