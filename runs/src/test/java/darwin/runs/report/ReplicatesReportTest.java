package darwin.runs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.stats.Interval;
import darwin.core.stats.Noise;
import darwin.memory.ConfirmedGain;
import darwin.memory.NoiseFloor;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a run that keeps replicates: means over them, the noise floor, the confirmed gain, verdicts. */
class ReplicatesReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RunPlan PLAN = new RunPlan(3, 3, "5.000 s", "openai gpt-test");

    private static RunReport report(Path dir) {
        return RunReport.of(RunRecords.read(new RunDirectory(dir), JSON), PLAN, Instant.parse("2026-11-22T08:00:00Z"));
    }

    /**
     * Appends a ledger line of a type for a variant, {@code (budget, seed, perplexity)}, as a run
     * writes it (a replicate's number is its seed less one), whether or not the ledger holds it.
     */
    private static void append(Path dir, String type, String variant, String budget, int seed, double perplexity)
            throws IOException {
        Path ledger = dir.resolve("ledger.jsonl");
        long seq = Files.readAllLines(ledger).size() + 1;
        String line = String.format(Locale.ROOT, "{\"schema\": 1, \"id\": \"r%d\", \"seq\": %d, \"type\": \"%s\","
                + " \"time\": \"2026-11-22T06:00:00Z\", \"data\": {\"variant\": \"%s\", \"budget\": \"%s\", \"seed\": %d,"
                + " \"replicate\": %d, \"status\": \"OK\", \"reason\": \"\", \"metrics\": %s}}%n",
                seq, seq, type, variant, budget, seed, type.equals("REPLICATE") ? seed - 1 : 0,
                Fixtures.metrics(perplexity, 0.2));
        Files.writeString(ledger, line, StandardOpenOption.APPEND);
    }

    @Test
    void aVariantsFiguresAreTheMeanOverItsReplicatesAtTheSameBudget(@TempDir Path tmp) throws Exception {
        Path dir = Fixtures.copy(tmp);
        // D's evaluation drew 11 (MFU 0.31); two more seeds draw 13 and 12.5; one at another budget and a repeat of seed 1 do not count
        append(dir, "REPLICATE", Fixtures.D, "seconds-5.0", 2, 13.0);
        append(dir, "REPLICATE", Fixtures.D, "seconds-5.0", 3, 12.5);
        append(dir, "REPLICATE", Fixtures.D, "seconds-9.0", 4, 1.0);
        append(dir, "EVALUATION", Fixtures.D, "seconds-5.0", 1, 2.0);
        RunReport report = report(dir);
        Measured d = report.pareto().stream().map(ParetoPoint::measured).filter(m -> m.variant().equals(Fixtures.D))
                .findFirst().orElseThrow();
        assertEquals(3, d.replicates());
        assertEquals((11 + 13 + 12.5) / 3, d.perplexity(), 1e-9);
        assertEquals((0.31 + 0.2 + 0.2) / 3, d.mfu(), 1e-9);
        assertEquals(Fixtures.A, report.header().best().orElseThrow().variant(), "D's lucky first draw no longer leads");
        assertEquals(1, report.header().best().orElseThrow().replicates());
        // generation 2 is {B 14, A 12, D 12.17}
        GenerationFigures second = report.generations().get(2);
        assertEquals(12.0, second.bestPerplexity(), 1e-9);
        assertEquals((11 + 13 + 12.5) / 3, second.medianPerplexity(), 1e-9);
        String html = ReportPage.html(report);
        assertTrue(html.contains("MFU 30.0% · one draw · unconfirmed"), "the best fact says how it was measured");
    }

    @Test
    void anOlderRunsReportSaysTheBestFigureIsUnconfirmed(@TempDir Path tmp) {
        RunReport report = report(Fixtures.copy(tmp));
        assertTrue(report.header().noiseFloor().isEmpty() && report.header().confirmed().isEmpty());
        String html = ReportPage.html(report);
        assertTrue(html.contains("<span class=\"label\">noise floor</span><span class=\"value\">–</span>"
                + "<span class=\"note\">not measured yet</span>"), html);
        assertTrue(html.contains("not measured yet: the best figure is unconfirmed"));
        assertTrue(html.contains("unconfirmed: the lowest figure of the run, which a lucky draw can make"));
        assertTrue(html.contains("(-8.3%, one draw each side, unjudged)"), "a step without an effect says it was not judged");
    }

    @Test
    void theHeaderShowsTheNoiseFloorAndTheConfirmedGainEscaped(@TempDir Path tmp) throws Exception {
        Path dir = Fixtures.copy(tmp);
        RunDirectory run = new RunDirectory(dir);
        RunState.load(run.state(), JSON)
                .withNoiseFloor(new NoiseFloor("seconds-5.0", 5, new Noise(0.012, 4), new Noise(0.034, 4)))
                .withConfirmed(new ConfirmedGain(Fixtures.D, Fixtures.HOSTILE, "seconds-5.0", 8,
                        new Interval(-0.12, -0.15, -0.09, 0.95), new Interval(0.02, -0.01, 0.05, 0.95),
                        Instant.parse("2026-11-22T07:00:00Z")))
                .save(run.state(), JSON);
        RunReport report = report(dir);
        assertEquals(5, report.header().noiseFloor().orElseThrow().replicates());
        assertEquals(-0.12, report.header().confirmed().orElseThrow().perplexity().estimate(), 1e-12);
        String html = ReportPage.html(report);
        assertTrue(html.contains("<span class=\"label\">noise floor</span><span class=\"value\">±1.2%</span>"
                + "<span class=\"note\">perplexity, relative sd · MFU ±3.4% · seed ×5</span>"), html);
        assertTrue(html.contains("<span class=\"label\">confirmed gain</span><span class=\"value\">-12.0%</span>"
                + "<span class=\"note\">95% [-15.0%, -9.0%] · significant · ×8 each</span>"), html);
        assertTrue(html.contains("Confirmed: <code>" + Fixtures.D + "</code> against the seed <code>&lt;/script&gt;"), html);
        assertTrue(html.contains("perplexity -12.0% [-15.0%, -9.0%], significant at 95%; MFU +2.0% [-1.0%, +5.0%]."), html);
        assertTrue(html.contains("· confirmed</span>"), "the best variant is the one confirmed");
        assertFalse(html.contains("<script>alert(1)"));
    }

    @Test
    void theLineageShowsEachStepsIntervalAndVerdict(@TempDir Path tmp) throws Exception {
        Path dir = Fixtures.copy(tmp);
        effect(dir, Map.of("g1-s0", effect(-0.077, -0.20, 0.05, "WITHIN_NOISE"), "g2-s0", effect(-0.083, -0.11, -0.056, "BETTER")));
        RunReport report = report(dir);
        List<LineageStep> steps = report.lineage();
        assertEquals("WITHIN_NOISE", ((LineageStep.Change) steps.get(0)).attempt().effect().verdict().name());
        String html = ReportPage.html(report);
        assertTrue(html.contains("<span class=\"same\">(-7.7% [-20.0%, +5.0%], within noise)</span>"), "not coloured as a gain");
        assertTrue(html.contains("<span class=\"better\">(-8.3% [-11.0%, -5.6%], better)</span>"), html);
        assertTrue(html.contains("<span class=\"same\">(+1.0% [-2.0%, +4.0%])</span> · 3 replicates before, 2 after"), html);
    }

    private static ObjectNode effect(double change, double low, double high, String verdict) {
        ObjectNode effect = JSON.createObjectNode();
        effect.putObject("perplexity").put("estimate", change).put("low", low).put("high", high).put("level", 0.95);
        effect.putObject("mfu").put("estimate", 0.01).put("low", -0.02).put("high", 0.04).put("level", 0.95);
        return effect.put("before", 3).put("after", 2).put("verdict", verdict);
    }

    /** Gives the attempts named their effects, in every agent's copy. */
    private static void effect(Path dir, Map<String, ObjectNode> effects) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("agents"))) {
            for (Path file : files.toList()) {
                ObjectNode memory = (ObjectNode) JSON.readTree(file.toFile());
                memory.path("attempts").forEach(a -> {
                    ObjectNode effect = effects.get(a.path("proposal").asText());
                    if (effect != null) {
                        ((ObjectNode) a).set("effect", effect);
                    }
                });
                JSON.writeValue(file.toFile(), memory);
            }
        }
    }
}
