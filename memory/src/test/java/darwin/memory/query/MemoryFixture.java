package darwin.memory.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Metrics;
import darwin.core.Personas;
import darwin.core.stats.Interval;
import darwin.memory.AgentMemories;
import darwin.memory.Attempt;
import darwin.memory.Effect;
import darwin.memory.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A run's memory with known answers: two agents that take turns on each other's variants, eight
 * attempts over three tags (and one untagged), every target at perplexity 10 and MFU 30%.
 *
 * <pre>
 * key    mutator  tags                   status             perplexity   MFU
 * g1-s0  agent-1  optimizer              OK                 10 → 9.0     30 → 32%   −10%, +2 pp
 * g1-s1  agent-2  architecture           OK                 10 → 11.0    30 → 27%   +10%, −3 pp
 * g2-s0  agent-1  optimizer, throughput  OK                 10 → 9.5     30 → 36%    −5%, +6 pp
 * g2-s1  agent-2  architecture           DOES_NOT_COMPILE
 * g2-s2  agent-1  throughput             TIMEOUT
 * g3-s0  agent-2  optimizer              OK                 10 → 10.2    30 → 30%    +2%,  0 pp
 * g3-s1  agent-1  (none)                 LLM_FAILED
 * g3-s2  agent-2  architecture           COMPILE_ERROR
 * </pre>
 */
final class MemoryFixture {

    static final ObjectMapper JSON = new ObjectMapper();

    private MemoryFixture() {}

    static Metrics metrics(double perplexity, double mfu) {
        return new Metrics(Math.log(perplexity), perplexity, mfu, 20000, 600000, 780, 804096, 5.17e6, 3.2e11, 32, 30, "cpu()");
    }

    static Attempt attempt(String key, String mutator, List<String> tags, String status, Double perplexity, Double mfu) {
        int generation = Integer.parseInt(key.substring(1, key.indexOf('-')));
        String owner = mutator.equals("agent-1") ? "agent-2" : "agent-1";
        boolean measured = perplexity != null;
        return new Attempt(key, generation, mutator, owner, "0123456789abcdef", status.equals("LLM_FAILED") ? null : "fedcba98" + key,
                "change " + key, "because " + key, tags, "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n", 1000, 200, 0.001, status,
                measured ? "trained and measured" : "it failed", metrics(10, 0.30), measured ? metrics(perplexity, mfu) : null);
    }

    /** The attempt with an effect: the relative changes given in percent, with their 95% bounds. */
    static Attempt withEffect(Attempt a, double[] perplexity, double[] mfu, int before, int after, Effect.Verdict verdict) {
        return new Attempt(a.proposal(), a.generation(), a.mutator(), a.owner(), a.parent(), a.child(), a.summary(),
                a.reasoning(), a.tags(), a.diff(), a.inputTokens(), a.outputTokens(), a.cost(), a.status(), a.reason(),
                a.before(), a.after(), new Effect(percent(perplexity), percent(mfu), before, after, verdict));
    }

    private static Interval percent(double[] figures) {
        return new Interval(figures[0] / 100, figures[1] / 100, figures[2] / 100, 0.95);
    }

    /**
     * Attempts of a run that keeps replicates, all tagged {@code lr} and by agent-1 on agent-2's
     * variants, and one of an older run without an effect:
     *
     * <pre>
     * key    verdict       perplexity               MFU                 replicates
     * g1-s0  BETTER        −10% [−12, −8]           +5% [+1, +9]        3+3
     * g1-s1  WITHIN_NOISE  −0.8% [−2.3, +0.7]       +1% [−3, +5]        3+2
     * g2-s0  WORSE         +4% [+2, +6]             −2% [−6, +2]        3+3
     * g2-s1  (none)        10 → 9, −10% (one draw)  30 → 33%, +10%      1+1
     * g2-s2  DOES_NOT_COMPILE
     * </pre>
     */
    static final List<Attempt> JUDGED = List.of(
            withEffect(attempt("g1-s0", "agent-1", List.of("lr"), "OK", 9.0, 0.315), new double[] {-10, -12, -8},
                    new double[] {5, 1, 9}, 3, 3, Effect.Verdict.BETTER),
            withEffect(attempt("g1-s1", "agent-1", List.of("lr"), "OK", 9.92, 0.303), new double[] {-0.8, -2.3, 0.7},
                    new double[] {1, -3, 5}, 3, 2, Effect.Verdict.WITHIN_NOISE),
            withEffect(attempt("g2-s0", "agent-1", List.of("lr"), "OK", 10.4, 0.294), new double[] {4, 2, 6},
                    new double[] {-2, -6, 2}, 3, 3, Effect.Verdict.WORSE),
            attempt("g2-s1", "agent-1", List.of("lr"), "OK", 9.0, 0.33),
            attempt("g2-s2", "agent-1", List.of("lr"), "DOES_NOT_COMPILE", null, null));

    static final List<Attempt> ATTEMPTS = List.of(
            attempt("g1-s0", "agent-1", List.of("optimizer"), "OK", 9.0, 0.32),
            attempt("g1-s1", "agent-2", List.of("architecture"), "OK", 11.0, 0.27),
            attempt("g2-s0", "agent-1", List.of("optimizer", "throughput"), "OK", 9.5, 0.36),
            attempt("g2-s1", "agent-2", List.of("architecture"), "DOES_NOT_COMPILE", null, null),
            attempt("g2-s2", "agent-1", List.of("throughput"), "TIMEOUT", null, null),
            attempt("g3-s0", "agent-2", List.of("optimizer"), "OK", 10.2, 0.30),
            attempt("g3-s1", "agent-1", List.of(), "LLM_FAILED", null, null),
            attempt("g3-s2", "agent-2", List.of("architecture"), "COMPILE_ERROR", null, null));

    /** Writes the fixture as a run: run.json and both agents' memory files, each attempt in both. */
    static Path write(Path dir) throws IOException {
        return write(dir, ATTEMPTS);
    }

    static Path write(Path dir, List<Attempt> attempts) throws IOException {
        RunDirectory run = new RunDirectory(dir);
        Files.createDirectories(dir);
        Files.writeString(run.state(), "{\"schema\": 1}");
        AgentMemories memories = new AgentMemories(run, JSON);
        memories.enrol("agent-1", Personas.forAgent(0), Map.of("provider", "offline", "model", ""));
        memories.enrol("agent-2", Personas.forAgent(1), Map.of("provider", "openai", "model", "gpt-4o-mini"));
        attempts.forEach(memories::record);
        return dir;
    }
}
