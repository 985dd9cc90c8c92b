package darwin.memory.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statistics of {@link MemoryFixture}, against figures worked out by hand. */
class MemoryStatsTest {

    private static final double EPS = 1e-9;
    private final MemoryStats stats = MemoryStats.of(MemoryFixture.ATTEMPTS);

    private static void check(AttemptStats s, int attempts, int compiled, int trained, int measured, int improved,
            double perplexity, double mfu, String best, String worst) {
        String group = s.group();
        assertEquals(List.of(attempts, compiled, trained, measured, improved),
                List.of(s.attempts(), s.compiled(), s.trained(), s.measured(), s.improved()), group);
        assertEquals(perplexity, s.meanPerplexityChange(), EPS, group);
        assertEquals(mfu, s.meanMfuChange(), EPS, group);
        assertEquals(best, s.best().proposal(), group);
        assertEquals(worst, s.worst().proposal(), group);
    }

    @Test
    void byTagTheFiguresAreTheHandComputedOnes() {
        assertEquals(List.of("throughput", "optimizer", "architecture", MemoryStats.UNTAGGED),
                stats.byTag().stream().map(AttemptStats::group).toList(), "most promising first, unmeasured last");
        // MFU changes are relative: 30% → 32% is +6.67%, → 36% +20%, → 27% −10%
        check(stats.byTag().get(0), 2, 2, 1, 1, 1, -5, 20, "g2-s0", "g2-s0");
        check(stats.byTag().get(1), 3, 3, 3, 3, 2, (-10 - 5 + 2) / 3.0, (20 / 3.0 + 20 + 0) / 3.0, "g1-s0", "g3-s0");
        check(stats.byTag().get(2), 3, 1, 1, 1, 0, 10, -10, "g1-s1", "g1-s1");
        AttemptStats untagged = stats.byTag().get(3);
        assertEquals(List.of(1, 0, 0, 0, 0), List.of(untagged.attempts(), untagged.compiled(), untagged.trained(),
                untagged.measured(), untagged.improved()));
        assertTrue(Double.isNaN(untagged.meanPerplexityChange()) && Double.isNaN(untagged.meanMfuChange()));
        assertNull(untagged.best());
        assertNull(untagged.worst());
    }

    @Test
    void byAgentTheFiguresAreTheHandComputedOnes() {
        assertEquals(List.of("agent-1", "agent-2"), stats.byAgent().stream().map(AttemptStats::group).toList());
        check(stats.byAgent().get(0), 4, 3, 2, 2, 2, -7.5, (20 / 3.0 + 20) / 2, "g1-s0", "g2-s0");
        check(stats.byAgent().get(1), 4, 2, 2, 2, 0, 6, -5, "g3-s0", "g1-s1");
    }

    @Test
    void overAllAttemptsTheSharesFollowTheStages() {
        AttemptStats all = stats.all();
        check(all, 8, 5, 4, 4, 2, -0.75, (20 / 3.0 + 20 - 10 + 0) / 4, "g1-s0", "g1-s1");
        assertEquals(new AttemptStats.Verdicts(0, 0, 0, 4), all.verdicts(), "an older run's attempts are unjudged");
        assertEquals(0.625, all.compiledShare(), EPS);
        assertEquals(0.5, all.trainedShare(), EPS);
        assertEquals(0.25, all.improvedShare(), EPS);
        assertTrue(Double.isNaN(MemoryStats.of(List.of()).all().compiledShare()), "no attempts, no share");
    }

    @Test
    void theJsonHasEveryFigureAndNullsForWhatIsUnknown() {
        JsonNode json = stats.toJson(MemoryFixture.JSON);
        assertEquals(0.625, json.path("all").path("compiledShare").asDouble(), EPS);
        assertEquals(-7.5, json.path("byAgent").path(0).path("meanPerplexityChangePercent").asDouble(), EPS);
        assertEquals("g1-s0", json.path("byAgent").path(0).path("best").path("proposal").asText());
        assertEquals(-10, json.path("byAgent").path(0).path("best").path("perplexityChangePercent").asDouble(), EPS);
        JsonNode untagged = json.path("byTag").path(3);
        assertEquals(MemoryStats.UNTAGGED, untagged.path("group").asText());
        assertTrue(untagged.path("meanPerplexityChangePercent").isNull() && untagged.path("best").isNull());
        JsonNode throughput = json.path("byTag").path(0);
        assertEquals(1, throughput.path("measured").asInt());
        assertTrue(throughput.path("perplexityChangeLowPercent").isNull() && throughput.path("perplexityChangeHighPercent")
                .isNull(), "n=1: no interval");
        assertEquals(1, throughput.path("best").path("replicatesBefore").asInt(), "a single draw each side");
        assertTrue(throughput.path("best").path("verdict").isNull(), "unjudged");
    }

    /** Student's t quantile at 97.5% with 3 degrees of freedom. */
    private static final double T3 = 3.182446305284263;

    @Test
    void verdictsAreCountedAndOnlySignificantGainsImprove() {
        AttemptStats lr = MemoryStats.of(MemoryFixture.JUDGED).byTag().getFirst();
        assertEquals("lr", lr.group());
        assertEquals(List.of(5, 4, 4, 4), List.of(lr.attempts(), lr.compiled(), lr.trained(), lr.measured()));
        assertEquals(new AttemptStats.Verdicts(1, 1, 1, 1), lr.verdicts());
        assertEquals(2, lr.improved(), "the better one and the older run's single draw that fell; not the one within noise");
        assertEquals("1 better, 1 worse, 1 within noise, 1 unjudged", lr.verdicts().words());
    }

    @Test
    void theMeanChangeCarriesAStudentsTIntervalOverTheAttempts() {
        AttemptStats lr = MemoryStats.of(MemoryFixture.JUDGED).all();
        // the effects' estimates, and the older attempt's single draw: −10, −0.8, +4, −10
        double mean = (-10 - 0.8 + 4 - 10) / 4;
        double sd = Math.sqrt((Math.pow(-10 - mean, 2) * 2 + Math.pow(-0.8 - mean, 2) + Math.pow(4 - mean, 2)) / 3);
        double half = T3 * sd / 2;
        assertEquals(mean, lr.perplexity().estimate(), EPS);
        assertEquals(mean - half, lr.perplexity().low(), 1e-6);
        assertEquals(mean + half, lr.perplexity().high(), 1e-6);
        assertEquals((5 + 1 - 2 + 10) / 4.0, lr.meanMfuChange(), 1e-6);
        assertEquals("g1-s0", lr.best().proposal(), "ties go to the first");
        assertEquals("g2-s0", lr.worst().proposal());
        JsonNode json = lr.toJson(MemoryFixture.JSON);
        assertEquals(mean - half, json.path("perplexityChangeLowPercent").asDouble(), 1e-6);
        assertEquals(1, json.path("withinNoise").asInt());
        assertEquals("BETTER", json.path("best").path("verdict").asText());
        assertEquals(-12, json.path("best").path("perplexityChangeLowPercent").asDouble(), 1e-9);
        assertEquals(3, json.path("best").path("replicatesAfter").asInt());
        AttemptStats one = AttemptStats.of("one", MemoryFixture.JUDGED.subList(0, 1));
        assertTrue(!one.perplexity().bounded() && one.measured() == 1, "one attempt: n=1, no interval");
    }

    @Test
    void aGroupWhoseCountsDoNotNestIsRejected() {
        AttemptStats.Verdicts none = new AttemptStats.Verdicts(0, 0, 0, 0);
        AttemptStats.Verdicts one = new AttemptStats.Verdicts(0, 0, 1, 0);
        assertThrows(IllegalArgumentException.class,
                () -> new AttemptStats("x", 2, 1, 2, 0, 0, none, null, null, null, null), "trained > compiled");
        assertThrows(IllegalArgumentException.class,
                () -> new AttemptStats("x", 2, 2, 2, 1, 0, one, null, null, null, null), "measured without a mean");
        assertThrows(IllegalArgumentException.class,
                () -> new AttemptStats("x", 2, 2, 2, 0, 0, one, null, null, null, null), "a verdict for nothing measured");
        assertThrows(IllegalArgumentException.class, () -> new AttemptStats.Verdicts(-1, 0, 0, 0));
    }
}
