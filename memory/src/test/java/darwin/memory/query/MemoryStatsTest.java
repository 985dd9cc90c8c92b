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
        check(stats.byTag().get(0), 2, 2, 1, 1, 1, -5, 6, "g2-s0", "g2-s0");
        check(stats.byTag().get(1), 3, 3, 3, 3, 2, (-10 - 5 + 2) / 3.0, (2 + 6 + 0) / 3.0, "g1-s0", "g3-s0");
        check(stats.byTag().get(2), 3, 1, 1, 1, 0, 10, -3, "g1-s1", "g1-s1");
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
        check(stats.byAgent().get(0), 4, 3, 2, 2, 2, -7.5, 4, "g1-s0", "g2-s0");
        check(stats.byAgent().get(1), 4, 2, 2, 2, 0, 6, -1.5, "g3-s0", "g1-s1");
    }

    @Test
    void overAllAttemptsTheSharesFollowTheStages() {
        AttemptStats all = stats.all();
        check(all, 8, 5, 4, 4, 2, -0.75, 1.25, "g1-s0", "g1-s1");
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
    }

    @Test
    void aGroupWhoseCountsDoNotNestIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new AttemptStats("x", 2, 1, 2, 0, 0, Double.NaN, Double.NaN, null, null), "trained > compiled");
        assertThrows(IllegalArgumentException.class,
                () -> new AttemptStats("x", 2, 2, 2, 1, 0, Double.NaN, Double.NaN, null, null), "measured without a mean");
    }
}
