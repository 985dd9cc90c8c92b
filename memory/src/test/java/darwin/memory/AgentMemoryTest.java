package darwin.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Metrics;
import darwin.core.Persona;
import darwin.core.stats.Interval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentMemoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Persona PERSONA = new Persona("optimisation researcher", "Tunes the optimizer.", List.of("optimizer"));

    static Metrics metrics(double loss, double mfu) {
        return new Metrics(loss, Math.exp(loss), mfu, 20000, 600000, 780, 804096, 5.17e6, 3.2e11, 32, 30, "cpu()");
    }

    static Attempt attempt(int generation, String mutator, String owner, String summary, String status, Metrics before,
            Metrics after) {
        return new Attempt("00000" + generation + "-aa", generation, mutator, owner, "0123456789abcdef",
                after == null ? null : "fedcba9876543210", summary, "because", List.of("optimizer"), "--- a\n+++ b\n", 1200, 300,
                0.002, status, status.equals("OK") ? "trained and measured" : "it broke", before, after);
    }

    @Test
    void savesAndLoadsEveryField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("agents/agent-1.json");
        AgentMemory memory = new AgentMemory("agent-1", PERSONA, Map.of("provider", "offline"), List.of())
                .with(attempt(1, "agent-1", "agent-2", "raise lr", "OK", metrics(1.95, 0.36), metrics(1.90, 0.37)))
                .with(attempt(2, "agent-1", "agent-3", "rope", "DOES_NOT_COMPILE", metrics(1.90, 0.37), null));
        memory.save(file, JSON);
        AgentMemory loaded = AgentMemory.load(file, JSON);
        assertEquals(memory, loaded);
        assertTrue(Files.readString(file).contains("\"schema\" : 1"));
    }

    static Attempt judged(int generation, String summary, double change, double half, Effect.Verdict verdict) {
        Metrics before = metrics(2.00, 0.36);
        Metrics after = metrics(2.00 + Math.log1p(change), 0.36);
        Attempt a = attempt(generation, "agent-1", "agent-2", summary, "OK", before, after);
        return new Attempt(a.proposal(), a.generation(), a.mutator(), a.owner(), a.parent(), a.child(), a.summary(),
                a.reasoning(), a.tags(), a.diff(), a.inputTokens(), a.outputTokens(), a.cost(), a.status(), a.reason(),
                a.before(), a.after(), new Effect(new Interval(change, change - half, change + half, 0.95),
                        new Interval(0.01, -0.02, 0.04, 0.95), 3, 3, verdict));
    }

    @Test
    void anEffectSurvivesTheFileAlsoWithUnboundedIntervals(@TempDir Path dir) {
        Path file = dir.resolve("agents/agent-1.json");
        Attempt once = new Attempt("g1-s0", 1, "agent-1", "agent-2", "0123456789abcdef", "fedcba9876543210", "x", "", List.of(),
                "", 0, 0, 0, "OK", "", metrics(2.0, 0.3), metrics(1.9, 0.3),
                new Effect(new Interval(-0.1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.95),
                        new Interval(0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.95), 1, 1, Effect.Verdict.WITHIN_NOISE));
        AgentMemory memory = new AgentMemory("agent-1", PERSONA, Map.of(), List.of())
                .with(judged(2, "lr", -0.05, 0.01, Effect.Verdict.BETTER)).with(once);
        memory.save(file, JSON);
        assertEquals(memory, AgentMemory.load(file, JSON));
    }

    @Test
    void theDigestRanksChangesWithinTheNoiseBelowTheSignificantOnesAndSaysSo() {
        AgentMemory memory = new AgentMemory("agent-1", PERSONA, Map.of(), List.of())
                .with(judged(1, "adds a note file", -0.48, 0.60, Effect.Verdict.WITHIN_NOISE))
                .with(judged(2, "warm-up", -0.03, 0.011, Effect.Verdict.BETTER))
                .with(judged(3, "huge lr", 0.20, 0.05, Effect.Verdict.WORSE))
                .with(attempt(4, "agent-1", "agent-3", "rope", "DOES_NOT_COMPILE", metrics(1.99, 0.36), null))
                .with(judged(5, "tiny tweak", -0.008, 0.015, Effect.Verdict.WITHIN_NOISE));
        List<String> digest = MemoryDigest.of(memory, 10);
        assertEquals(5, digest.size(), digest.toString());
        assertTrue(digest.get(0).contains("huge lr") && digest.get(0).contains("(+20.0%, worse beyond noise, ±5.0%"),
                digest.get(0));
        assertTrue(digest.get(1).contains("warm-up") && digest.get(1).contains("(-3.0%, better beyond noise, ±1.1%"),
                digest.get(1));
        assertTrue(digest.get(2).contains("rope") && digest.get(2).contains("DOES_NOT_COMPILE"), digest.get(2));
        assertTrue(digest.get(3).contains("adds a note file") && digest.get(3).contains("(-48.0%, within noise, ±60.0%"),
                "the luckiest draw is not the first lesson: " + digest);
        assertTrue(digest.get(4).contains("tiny tweak") && digest.get(4).contains("(-0.8%, within noise, ±1.5%: no measurable effect"),
                digest.get(4));
        assertTrue(digest.stream().filter(l -> l.contains("within noise")).noneMatch(l -> l.contains("better")), digest.toString());
        assertEquals(List.of(digest.get(0), digest.get(1)), MemoryDigest.of(memory, 2), "a short digest keeps the lessons");
    }

    @Test
    void aCorruptOrForeignFileIsReportedWithItsPath(@TempDir Path dir) throws Exception {
        Path cut = dir.resolve("cut.json");
        Files.writeString(cut, "{\"schema\": 1, \"agent\": \"agent-1\", \"persona\": {\"name\": ");
        MemoryFormatException e = assertThrows(MemoryFormatException.class, () -> AgentMemory.load(cut, JSON));
        assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, "{\"schema\": 7}");
        assertTrue(assertThrows(MemoryFormatException.class, () -> AgentMemory.load(newer, JSON)).getMessage()
                .contains("this darwin reads schema 1"));
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "");
        assertThrows(MemoryFormatException.class, () -> AgentMemory.load(empty, JSON));
    }

    @Test
    void theDigestPutsTheLargestEffectsFirstAndDropsRepeats() {
        AgentMemory memory = new AgentMemory("agent-1", PERSONA, Map.of(), List.of())
                .with(attempt(1, "agent-1", "agent-2", "small gain", "OK", metrics(2.00, 0.36), metrics(1.99, 0.36)))
                .with(attempt(2, "agent-1", "agent-2", "big loss", "OK", metrics(1.99, 0.36), metrics(2.20, 0.30)))
                .with(attempt(3, "agent-1", "agent-3", "rope", "DOES_NOT_COMPILE", metrics(1.99, 0.36), null))
                .with(attempt(4, "agent-1", "agent-3", "rope", "DOES_NOT_COMPILE", metrics(1.99, 0.36), null))
                .with(attempt(5, "agent-4", "agent-1", "dropout", "OK", metrics(1.99, 0.36), metrics(1.98, 0.36)));
        List<String> digest = MemoryDigest.of(memory, 10);
        assertEquals(4, digest.size(), digest.toString());
        assertTrue(digest.get(0).contains("big loss") && digest.get(0).contains("+23.4%"), digest.get(0));
        assertTrue(digest.get(1).contains("small gain"), digest.get(1));
        assertTrue(digest.get(2).startsWith("gen 4") && digest.get(2).contains("DOES_NOT_COMPILE: it broke"), digest.get(2));
        assertTrue(digest.get(3).contains("agent-4 changed your variant: dropout"), digest.get(3));
        assertEquals(2, MemoryDigest.of(memory, 2).size());
    }
}
