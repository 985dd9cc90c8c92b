package darwin.runs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.memory.Attempt;
import darwin.memory.Request;
import darwin.memory.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's figures, computed from the fixture run, whose values are known by construction. */
class RunReportTest {

    private static final RunPlan PLAN = new RunPlan(3, 3, "5.000 s", "openai gpt-test");

    static RunReport fixture(Path tmp) {
        RunRecords records = RunRecords.read(new RunDirectory(Fixtures.copy(tmp)), new ObjectMapper());
        return RunReport.of(records, PLAN, Instant.parse("2026-11-22T08:00:00Z"));
    }

    @Test
    void bestAndMedianPerGenerationAreOverThePopulationAfterSelection(@TempDir Path tmp) {
        List<GenerationFigures> generations = fixture(tmp).generations();
        assertEquals(List.of(0, 1, 2), generations.stream().map(GenerationFigures::generation).toList());
        // the seed alone; then {seed 13, A 12, B 14}; then {B 14, A 12, D 11}
        assertFigures(generations.get(0), 13.0, 13.0, 0.27, 0.27);
        assertFigures(generations.get(1), 12.0, 13.0, 0.35, 0.30);
        assertFigures(generations.get(2), 11.0, 12.0, 0.35, 0.31);
        assertEquals(3, generations.get(2).variants());
        assertEquals(0, generations.get(2).failed());
    }

    private static void assertFigures(GenerationFigures g, double best, double median, double bestMfu, double medianMfu) {
        assertEquals(best, g.bestPerplexity(), 1e-9, "best perplexity of generation " + g.generation());
        assertEquals(median, g.medianPerplexity(), 1e-9, "median perplexity of generation " + g.generation());
        assertEquals(bestMfu, g.bestMfu(), 1e-9, "best MFU of generation " + g.generation());
        assertEquals(medianMfu, g.medianMfu(), 1e-9, "median MFU of generation " + g.generation());
    }

    @Test
    void aSharedVariantCountsOnceAndAFailedOneNotAtAll() {
        Map<String, Measured> measured = Map.of("a", new Measured("a", 10, 0.1, ""), "b", new Measured("b", 20, 0.2, ""));
        GenerationFigures g = GenerationFigures.of(4, List.of("a", "a", "a", "b", "x"), measured);
        assertEquals(3, g.variants());
        assertEquals(1, g.failed());
        assertEquals(15, g.medianPerplexity(), 1e-9);
        GenerationFigures none = GenerationFigures.of(5, List.of("x"), measured);
        assertTrue(Double.isNaN(none.bestPerplexity()) && Double.isNaN(none.medianMfu()));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, GenerationFigures.median(new double[] {4, 1, 3, 2}), 1e-12);
        assertEquals(3, GenerationFigures.median(new double[] {5, 3, 1}), 1e-12);
        assertTrue(Double.isNaN(GenerationFigures.median(new double[0])));
    }

    @Test
    void theParetoFrontHoldsWhatNothingBeatsOnBothObjectives(@TempDir Path tmp) {
        RunReport report = fixture(tmp);
        Set<String> front = report.pareto().stream().filter(ParetoPoint::front).map(p -> p.measured().variant())
                .collect(Collectors.toSet());
        assertEquals(Set.of(Fixtures.D, Fixtures.B), front);
        assertEquals(4, report.pareto().size(), "every measured variant; the diverged and timed-out ones are not");
    }

    @Test
    void theLineageRunsFromTheSeedToTheBestInOrder(@TempDir Path tmp) {
        RunReport report = fixture(tmp);
        assertEquals(Fixtures.D, report.header().best().orElseThrow().variant());
        List<Attempt> lineage = report.lineage().stream().map(s -> ((LineageStep.Change) s).attempt()).toList();
        assertEquals(List.of("g1-s0", "g2-s0"), lineage.stream().map(Attempt::proposal).toList());
        assertEquals(Fixtures.SEED, lineage.get(0).parent());
        assertEquals(Fixtures.A, lineage.get(0).child());
        assertEquals(Fixtures.D, lineage.get(1).child());
        assertEquals("agent-3", lineage.get(1).mutator());
        assertTrue(Lineage.of(lineage, Fixtures.SEED).isEmpty(), "the seed has no steps");
    }

    @Test
    void anUpgradeByPeopleIsAStepOfTheLineage(@TempDir Path tmp) {
        List<Attempt> attempts = fixture(tmp).lineage().stream().map(s -> ((LineageStep.Change) s).attempt()).toList();
        // D was upgraded by people into E; E's parent is D
        String e = "eeee000000000005";
        List<LineageStep> steps = Lineage.of(attempts, e, id -> id.equals(e) ? Optional.of(Fixtures.D)
                : Optional.empty(), (from, to) -> "--- " + from + "\n+++ " + to + "\n");
        assertEquals(List.of(Fixtures.SEED, Fixtures.A, Fixtures.D), steps.stream().map(LineageStep::parent).toList());
        LineageStep.Upgrade upgrade = (LineageStep.Upgrade) steps.getLast();
        assertEquals(e, upgrade.child());
        assertTrue(upgrade.diff().contains("+++ " + e));
    }

    @Test
    void afterABudgetRiseTheFiguresAreComparedAtTheNewBudget(@TempDir Path tmp) throws Exception {
        Path dir = Fixtures.copy(tmp);
        String line = "{\"schema\": 1, \"id\": \"%s\", \"seq\": %d, \"type\": \"EVALUATION\", \"time\": \"2026-11-22T06:00:00Z\","
                + " \"data\": {\"variant\": \"%s\", \"budget\": \"seconds-10.0\", \"seed\": 1, \"status\": \"OK\","
                + " \"reason\": \"\", \"metrics\": %s}}%n";
        long seq = Files.readAllLines(dir.resolve("ledger.jsonl")).size();
        Files.writeString(dir.resolve("ledger.jsonl"), String.format(Locale.ROOT, line, "x1", seq + 1,
                Fixtures.SEED, Fixtures.metrics(10.0, 0.3)) + String.format(Locale.ROOT, line, "x2", seq + 2, Fixtures.A,
                Fixtures.metrics(9.0, 0.3)),
                StandardOpenOption.APPEND);
        RunReport report = RunReport.of(RunRecords.read(new RunDirectory(dir), new ObjectMapper()), PLAN, Instant.now());
        assertEquals(10.0, report.header().seed().orElseThrow().perplexity(), 1e-9, "the seed at the new budget");
        assertEquals(Fixtures.A, report.header().best().orElseThrow().variant(), "D was not measured at the new budget");
        assertEquals(2, report.pareto().size(), "the front is drawn at one budget");
        assertFigures(report.generations().get(2), 11.0, 12.0, 0.35, 0.31);
    }

    @Test
    void failuresAreCountedByStageAndKind(@TempDir Path tmp) {
        List<FailureCount> failures = fixture(tmp).failures();
        assertEquals(List.of("PROPOSAL UNPARSABLE 1", "EVALUATION DIVERGED 1", "EVALUATION TIMEOUT 1"),
                failures.stream().map(f -> f.stage() + " " + f.kind() + " " + f.count()).toList());
        assertTrue(failures.getFirst().example().contains("SEARCH/REPLACE"));
    }

    @Test
    void costAccumulatesOverTheProposalsInLedgerOrder(@TempDir Path tmp) {
        RunReport report = fixture(tmp);
        List<CostPoint> costs = report.costs();
        assertEquals(6, costs.size());
        assertEquals(0.20, report.header().cost(), 1e-9);
        assertEquals(0.02, costs.getFirst().cumulative(), 1e-9);
        assertEquals(1.0, costs.getFirst().minutes(), 1e-9, "a minute after the run started");
        assertEquals(2, costs.getLast().generation());
        for (int i = 1; i < costs.size(); i++) {
            assertTrue(costs.get(i).cumulative() >= costs.get(i - 1).cumulative());
        }
    }

    @Test
    void theHeaderAndTheRequestsComeFromTheRunsFiles(@TempDir Path tmp) {
        RunReport report = fixture(tmp);
        RunReport.Header h = report.header();
        assertEquals("fixture-run", h.run());
        assertEquals(2, h.generation());
        assertFalse(h.finished(), "2 of 3 generations");
        assertEquals(13.0, h.seed().orElseThrow().perplexity(), 1e-9);
        assertEquals(6, h.proposals());
        assertEquals(List.of("r1"), report.pending().stream().map(Request::id).toList());
        assertEquals(2, report.requests().size(), "an unknown field in the file is ignored");
        assertEquals("not now", report.requests().get(1).decision().note());
        assertEquals(1, report.ledgerRequests());
    }
}
