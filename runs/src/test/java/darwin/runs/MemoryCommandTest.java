package darwin.runs;

import static darwin.runs.Cli.darwin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Metrics;
import darwin.core.Persona;
import darwin.core.Personas;
import darwin.core.stats.Interval;
import darwin.memory.AgentMemories;
import darwin.memory.Attempt;
import darwin.memory.Effect;
import darwin.memory.RunDirectory;
import darwin.runs.Cli.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code darwin memory DIR …} on a small run written by hand: two agents, four attempts. */
class MemoryCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Metrics metrics(double perplexity, double mfu) {
        return new Metrics(Math.log(perplexity), perplexity, mfu, 20000, 600000, 780, 804096, 5.17e6, 3.2e11, 32, 30, "cpu()");
    }

    private static Attempt attempt(String key, int generation, String mutator, String owner, String summary, List<String> tags,
            String status, Double after) {
        return new Attempt(key, generation, mutator, owner, "0123456789abcdef", after == null ? null : "c0ffee" + key, summary,
                "why " + key + "\nsecond line", tags, after == null ? "" : "--- a/program/A.java\n+++ b/program/A.java\n@@ -1 +1 @@\n-x\n+y\n",
                100, 50, 0.01, status, after == null ? "did not compile" : "trained and measured", metrics(10, 0.30),
                after == null ? null : metrics(after, 0.33));
    }

    @BeforeEach
    void writeRun() throws Exception {
        RunDirectory run = new RunDirectory(dir);
        Files.writeString(run.state(), "{\"schema\": 1}");
        AgentMemories memories = new AgentMemories(run, JSON);
        memories.enrol("agent-1", Personas.forAgent(0), Map.of("provider", "offline", "model", ""));
        memories.enrol("agent-2", Personas.forAgent(1), Map.of("provider", "anthropic", "model", "claude-x"));
        memories.record(attempt("g1-s0", 1, "agent-1", "agent-2", "raise the learning rate", List.of("optimizer"), "OK", 9.0));
        memories.record(attempt("g1-s1", 1, "agent-2", "agent-1", "rotary, with \"care\"", List.of("architecture"), "OK", 10.5));
        memories.record(attempt("g2-s0", 2, "agent-2", "agent-1", "qk-norm", List.of("architecture"), "DOES_NOT_COMPILE", null));
        memories.record(attempt("g2-s1", 2, "agent-1", "agent-2", "warm-up, longer", List.of("optimizer", "schedule"), "OK", 9.8));
    }

    private Outcome memory(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "memory";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return darwin(all);
    }

    private static List<String> lines(Outcome outcome) {
        assertEquals(0, outcome.status(), outcome.err());
        return outcome.out().lines().toList();
    }

    @Test
    void agentsListsEachAgentWithItsLlmCountsAndBest() throws Exception {
        List<String> lines = lines(memory("agents"));
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).matches("agent-1 +throughput engineer +offline +2 +2 +-10\\.0% \\(n=1\\) \\(g1-s0\\)"), lines.get(1));
        assertTrue(lines.get(2).matches("agent-2 +optimisation researcher +anthropic/claude-x +2 +2 +\\+5\\.0% \\(n=1\\) \\(g1-s1\\)"),
                lines.get(2));
        JsonNode json = JSON.readTree(memory("agents", "--json").out());
        assertEquals("anthropic/claude-x", json.get(1).path("llm").asText());
        assertEquals(-10, json.get(0).path("best").path("perplexityChangePercent").asDouble(), 1e-9);
    }

    @Test
    void showGivesThePersonaTheLlmAndEveryAttemptMadeOrReceived() {
        String out = memory("show", "AGENT-2").out();
        assertTrue(out.startsWith("agent-2: optimisation researcher\n"), out);
        assertTrue(out.contains("LLM: anthropic/claude-x"), out);
        assertTrue(out.contains("2 made, 2 received"), out);
        for (String key : new String[] {"g1-s0", "g1-s1", "g2-s0", "g2-s1"}) {
            assertTrue(out.contains(key), key + " in\n" + out);
        }
        assertTrue(out.lines().anyMatch(l -> l.matches(
                ".*g1-s0 .* 10\\.000 → 9\\.000 +-10\\.0% \\(n=1\\) +30\\.0% → 33\\.0% +\\+10\\.0% \\(n=1\\) +unjudged .*")), out);
        Outcome unknown = memory("show", "agent-7");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("[agent-1, agent-2]"), unknown.err());
    }

    @Test
    void attemptsAppearOnceAndFilterByStatusTagAndAgent() throws Exception {
        assertEquals(5, lines(memory("attempts")).size(), "a header and each attempt once, though each is stored twice");
        List<String> ok = lines(memory("attempts", "--status", "ok", "--agent", "agent-1"));
        assertEquals(3, ok.size());
        assertTrue(ok.get(1).contains("g1-s0") && ok.get(2).contains("g2-s1"), String.join("\n", ok));
        JsonNode tagged = JSON.readTree(memory("attempts", "--tag", "schedule", "--json").out());
        assertEquals(1, tagged.size());
        assertEquals("g2-s1", tagged.get(0).path("proposal").asText());
        assertEquals("no attempt matches", lines(memory("attempts", "--status", "TIMEOUT")).get(0));
    }

    private static Attempt judged(String key, int generation, double after, double change, double low, double high,
            Effect.Verdict verdict) {
        Attempt a = attempt(key, generation, "agent-1", "agent-2", "change " + key, List.of("lr"), "OK", after);
        return new Attempt(a.proposal(), a.generation(), a.mutator(), a.owner(), a.parent(), a.child(), a.summary(),
                a.reasoning(), a.tags(), a.diff(), a.inputTokens(), a.outputTokens(), a.cost(), a.status(), a.reason(),
                a.before(), a.after(), new Effect(new Interval(change, low, high, 0.95),
                        new Interval(0.10, 0.05, 0.15, 0.95), 3, 2, verdict));
    }

    /** A run that keeps replicates: one change better beyond the noise, one within it, one worse. */
    private void writeJudgedRun() {
        AgentMemories memories = new AgentMemories(new RunDirectory(dir), JSON);
        memories.record(judged("g3-s0", 3, 9.0, -0.10, -0.12, -0.08, Effect.Verdict.BETTER));
        memories.record(judged("g3-s1", 3, 5.2, -0.48, -0.90, 0.30, Effect.Verdict.WITHIN_NOISE));
        memories.record(judged("g3-s2", 3, 10.4, 0.04, 0.02, 0.06, Effect.Verdict.WORSE));
    }

    @Test
    void aChangeWithinTheNoiseIsMarkedAndNeverReadsAsAGain() throws Exception {
        writeJudgedRun();
        List<String> table = lines(memory("attempts", "--tag", "lr"));
        assertTrue(table.get(1).matches(".*g3-s0 .* -10\\.0% ±2\\.0 .* \\+10\\.0% ±5\\.0 +better .*"), table.get(1));
        assertTrue(table.get(2).matches(".*g3-s1 .* ~-48\\.0% ±60\\.0 .* within noise .*"), table.get(2));
        assertTrue(table.get(3).matches(".*g3-s2 .* \\+4\\.0% ±2\\.0 .* worse .*"), table.get(3));

        String diff = memory("diff", "g3-s1").out();
        assertTrue(diff.contains("(-48.0% [-90.0%, +30.0%], within noise: no measurable effect; 3 replicates before, 2 after)"),
                diff);
        assertTrue(memory("diff", "g1-s0").out().contains("(-10.0% (n=1), one draw each side, noise unknown: unjudged)"));

        String agents = memory("agents").out();
        assertTrue(agents.contains("~-48.0% ±60.0 (g3-s1)"), "the best estimate, marked as within noise: " + agents);

        String stats = memory("stats").out();
        assertTrue(stats.lines().anyMatch(l -> l.matches("lr +3 +100% +100% +33% +3 +1/1/1 .*")), stats);
        JsonNode json = JSON.readTree(memory("stats", "--json").out());
        JsonNode lr = json.path("byTag").get(0);
        assertEquals("lr", lr.path("group").asText());
        assertEquals(1, lr.path("improved").asInt(), "the fall within the noise is not an improvement");
        assertEquals(1, lr.path("withinNoise").asInt());
        assertTrue(lr.path("perplexityChangeLowPercent").isNumber() && lr.path("perplexityChangeHighPercent").isNumber());
        assertEquals("WITHIN_NOISE", lr.path("best").path("verdict").asText());

        JsonNode rows = JSON.readTree(memory("attempts", "--tag", "lr", "--json").out());
        assertEquals("WITHIN_NOISE", rows.get(1).path("verdict").asText());
        assertEquals(-90.0, rows.get(1).path("perplexityChangeLowPercent").asDouble(), 1e-9);
        assertEquals(2, rows.get(1).path("replicatesAfter").asInt());
        assertEquals("WITHIN_NOISE", JSON.readTree(memory("agents", "--json").out()).get(0).path("best").path("verdict").asText());
    }

    @Test
    void diffPrintsAHeaderThenTheDiff() {
        String out = memory("diff", "g1-s0").out();
        assertTrue(out.startsWith("attempt g1-s0, generation 1: agent-1 on agent-2's variant"), out);
        assertTrue(out.contains("summary:    raise the learning rate\n"), out);
        assertTrue(out.contains("status:     OK (trained and measured)"), out);
        assertTrue(out.contains("  why g1-s0\n  second line\n"), out);
        assertTrue(out.endsWith("--- a/program/A.java\n+++ b/program/A.java\n@@ -1 +1 @@\n-x\n+y\n"), out);
        assertEquals("--- a/program/A.java\n+++ b/program/A.java\n@@ -1 +1 @@\n-x\n+y\n", memory("diff", "g1-s0", "--patch").out());
        assertTrue(memory("diff", "g2-s0").out().contains("(no diff: no program came of this attempt)"));
    }

    @Test
    void anUnknownAttemptSaysHowAttemptsAreNamedAndFailed() {
        Outcome outcome = memory("diff", "g9-s9");
        assertNotEquals(0, outcome.status());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().contains("no attempt 'g9-s9'") && outcome.err().contains("g<generation>-s<slot>")
                && outcome.err().contains("darwin memory " + dir + " attempts"), outcome.err());
    }

    @Test
    void statsAnswersByTagAndByAgentAndSaysWhatTheWordsMean() throws Exception {
        String text = memory("stats").out();
        assertTrue(text.contains("compiled: a program came of the proposal and compiled"), text);
        // −10% and −2%: a mean of −6% whose 95% interval over two attempts is ±12.706·4 = ±50.8
        assertTrue(text.lines().anyMatch(l -> l.matches(
                "optimizer +2 +100% +100% +100% +2 +0/0/0 \\(\\+2 n=1\\) +-6\\.0% ±50\\.8 +\\+10\\.0% ±0\\.0 +g1-s0 -10\\.0% \\(n=1\\) .*")),
                text);
        assertTrue(text.contains("improved: its held-out perplexity fell beyond the run's noise"), text);
        JsonNode json = JSON.readTree(memory("stats", "--json").out());
        assertEquals("optimizer", json.path("byTag").get(0).path("group").asText(), "the most promising tag first");
        JsonNode agent2 = json.path("byAgent").get(1);
        assertEquals(0.5, agent2.path("compiledShare").asDouble(), 1e-9);
        assertEquals(0.0, agent2.path("improvedShare").asDouble(), 1e-9);
        assertEquals(5.0, agent2.path("meanPerplexityChangePercent").asDouble(), 1e-9);
        assertTrue(json.path("definitions").asText().contains("status OK"));
    }

    @Test
    void exportWritesCsvToAFileAndJsonLinesToStandardOutput() throws Exception {
        Path file = dir.resolve("out/attempts.csv");
        Outcome csv = memory("export", "--format", "csv", "--out", file.toString());
        assertEquals(0, csv.status(), csv.err());
        assertTrue(csv.err().contains("wrote 4 attempts to " + file), csv.err());
        String text = Files.readString(file);
        assertTrue(text.startsWith("proposal,generation,mutator,owner,status,"), text);
        assertTrue(text.contains(",\"rotary, with \"\"care\"\"\","), text);
        assertTrue(text.contains("\"why g1-s0\nsecond line\""), text);
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left");
        }
        List<String> jsonl = lines(memory("export", "--format", "JSONL", "--tag", "optimizer"));
        assertEquals(2, jsonl.size());
        assertEquals("g2-s1", JSON.readTree(jsonl.get(1)).path("proposal").asText());
        assertEquals(2, memory("export", "--format", "xlsx").status());
    }

    @Test
    void aMissingFolderARunlessFolderAndACorruptFileAreOneLineErrors() throws Exception {
        Outcome missing = darwin("memory", dir.resolve("nowhere").toString(), "agents");
        assertNotEquals(0, missing.status());
        assertTrue(missing.err().contains(dir.resolve("nowhere") + " is not a run: it does not exist"), missing.err());
        Outcome notARun = darwin("memory", dir.resolve("agents").toString(), "stats");
        assertNotEquals(0, notARun.status());
        assertTrue(notARun.err().contains("is not a run"), notARun.err());
        Path file = dir.resolve("agents/agent-2.json");
        Files.writeString(file, "{\n  \"schema\": 1,\n  \"agent\": \"agent-2\",\n  \"attempts\": [ {\"proposal\" ]\n}\n");
        Outcome corrupt = memory("attempts");
        assertNotEquals(0, corrupt.status());
        assertEquals(1, corrupt.err().lines().count(), corrupt.err());
        assertTrue(corrupt.err().startsWith("darwin: " + file + ":4: is not valid JSON"), corrupt.err());
        Files.writeString(file, "{\"schema\": 1, \"agent\": \"agent-2\", \"persona\": {\"name\": \"x\"}, \"attempts\": [{}]}");
        Outcome incomplete = memory("stats");
        assertEquals(1, incomplete.err().lines().count(), incomplete.err());
        assertTrue(incomplete.err().startsWith("darwin: " + file + ": is not an agent memory"), incomplete.err());
        assertFalse(memory("agents").out().contains("agent-2"), "nothing is printed from a run that cannot be read");
    }

    /** A third agent whose LLM settings, and an attempt whose summary, tags, reasoning and reason, hold {@link Shown#HOSTILE}. */
    private void writeHostileAttempt() {
        AgentMemories memories = new AgentMemories(new RunDirectory(dir), JSON);
        memories.enrol("agent-3", new Persona("poser" + Shown.HOSTILE, Shown.HOSTILE, List.of("x" + Shown.HOSTILE)),
                Map.of("provider", "openai", "model", "gpt" + Shown.HOSTILE, "temperature", Shown.HOSTILE));
        Attempt a = attempt("g3-s0", 3, "agent-3", "agent-1", "summary " + Shown.HOSTILE, List.of("tag" + Shown.HOSTILE),
                "OK", 9.5);
        memories.record(new Attempt(a.proposal(), a.generation(), a.mutator(), a.owner(), a.parent(), a.child(), a.summary(),
                "first " + Shown.HOSTILE + "\nsecond " + Shown.HOSTILE, a.tags(), a.diff(), a.inputTokens(), a.outputTokens(),
                a.cost(), a.status(), "reason " + Shown.HOSTILE, a.before(), a.after()));
    }

    @Test
    void modelTextWithEscapeSequencesAndControlsReachesNoTerminal() throws Exception {
        writeHostileAttempt();
        for (String[] question : new String[][] {{"agents"}, {"show", "agent-3"}, {"attempts"}, {"diff", "g3-s0"}, {"stats"},
                {"export"}, {"agents", "--json"}, {"attempts", "--json"}, {"stats", "--json"}, {"export", "--format", "jsonl"}}) {
            Outcome outcome = memory(question);
            assertEquals(0, outcome.status(), outcome.err());
            Shown.assertSafe(outcome.out());
        }
        String diff = memory("diff", "g3-s0").out();
        assertTrue(diff.contains("summary:    summary \\e[31mred\\e[0m \\e[2J\\e]0;owned\\x07 bell\\x07 back\\x08space"
                + " cr\\x0dover nul\\x00 \\u202eevil\\u202c \\u2066iso\\u2069 csi\\u009b2J del\\x7f\n"), diff);
        assertTrue(diff.contains("\n  first \\e[31m") && diff.contains("\n  second \\e[31m"), "the reasoning keeps its lines: " + diff);
        assertTrue(memory("show", "agent-3").out().contains("LLM: openai/gpt\\e[31mred"), "the agent's settings are shown too");
        assertTrue(memory("attempts").out().contains("tag\\e[31mred"), "a tag in the table is shown too");

        JsonNode row = JSON.readTree(memory("attempts", "--json").out()).get(4);
        assertEquals("summary " + Shown.HOSTILE, row.path("summary").asText(), "JSON keeps the text exactly");
        assertEquals("tag" + Shown.HOSTILE, row.path("tags").get(0).asText());
        assertEquals("summary " + Shown.HOSTILE,
                JSON.readTree(memory("export", "--format", "jsonl").out().lines().toList().get(4)).path("summary").asText());
        assertEquals("gpt" + Shown.HOSTILE, JSON.readTree(memory("agents", "--json").out()).get(2).path("llm").asText()
                .substring("openai/".length()));
    }

    @Test
    void statsNeverCutsAnEscapeInHalf() {
        // each tag's best example is cut where the summary's visible forms fall at another column
        AgentMemories memories = new AgentMemories(new RunDirectory(dir), JSON);
        for (int shift = 0; shift < 7; shift++) {
            memories.record(attempt("g4-s" + shift, 4, "agent-1", "agent-2", "y".repeat(shift)
                    + "\u202e\u001b[2J\u009b\u0007".repeat(8), List.of("cut" + shift), "OK", 9.0));
        }
        Outcome stats = memory("stats");
        assertEquals(0, stats.status(), stats.err());
        Shown.assertSafe(stats.out());
        Shown.assertWholeForms(stats.out());
        assertTrue(stats.out().contains("…"), "the examples were cut: " + stats.out());
        Shown.assertWholeForms(memory("attempts").out());
    }

    @Test
    void anErrorQuotingWhatWasAskedShowsItsControls() {
        Outcome unknown = memory("diff", "g1\u001b[2J");
        assertEquals(2, unknown.status());
        Shown.assertSafe(unknown.err());
        assertTrue(unknown.err().contains("no attempt 'g1\\e[2J'"), unknown.err());
    }

    @Test
    void withoutAQuestionItSaysWhatCanBeAsked() {
        Outcome outcome = memory();
        assertEquals(2, outcome.status());
        assertTrue(outcome.err().contains("agents, show AGENT, attempts, diff ATTEMPT, stats or export"), outcome.err());
    }
}
