package darwin.population.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.Metrics;
import darwin.core.Variant;
import darwin.memory.Attempt;
import darwin.memory.Effect;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import darwin.memory.ledger.EventType;
import darwin.memory.ledger.Ledger;
import darwin.memory.ledger.Selected;
import darwin.population.selection.Nsga2;
import darwin.population.upgrade.Upgrader;
import darwin.trainer.build.SourceCompiler;
import darwin.trainer.build.VariantCompileCheck;
import darwin.trainer.cache.ResultCache;
import darwin.trainer.sandbox.LocalEvaluator;
import darwin.trainer.variant.SeedVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop with a noise floor, racing and effects, over an evaluator whose figures are a known
 * mean per variant plus Gaussian noise drawn from the variant and the evaluation seed (so that an
 * evaluation repeated gives the same figures, as a deterministic budget does), that takes a
 * random time to answer on two slots: the order in which evaluations end changes from run to run,
 * and must change nothing.
 */
@Timeout(300)
class NoisyEvolutionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Variant SEED = SeedVariant.variant();
    private static final double SIGMA = 0.01;
    private static final EvolutionPlan PLAN = new EvolutionPlan(3, 3, 3, Budget.steps(60), 7, new Nsga2(1), false,
            Replication.STANDARD);

    /** Evaluations with a known mean per variant and noise per (variant, seed), answered after a random delay. */
    static final class Noisy implements LocalEvaluator.SlotEvaluation {
        final Map<String, AtomicInteger> done = new ConcurrentHashMap<>();
        final AtomicInteger calls = new AtomicInteger();
        final ToDoubleFunction<Variant> mean;
        volatile int killAt = -1;

        Noisy(ToDoubleFunction<Variant> mean) {
            this.mean = mean;
        }

        @Override
        public EvaluationResult evaluate(Variant variant, Budget budget, long seed, Path logs) {
            if (calls.incrementAndGet() == killAt) {
                throw new EvolutionTest.Killed();
            }
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.computeIfAbsent(variant.id() + "@" + budget.key() + "#" + seed, k -> new AtomicInteger()).incrementAndGet();
            SplittableRandom noise = new SplittableRandom(variant.id().hashCode() * 31L + seed);
            double loss = mean.applyAsDouble(variant) + SIGMA * gaussian(noise);
            double mfu = 0.3 * Math.exp(0.05 * gaussian(noise));
            return EvaluationResult.ok(new Metrics(loss, Math.exp(loss), mfu, 1000, 5000, 60, 800, 5e6, 3e11, 6, 5, "cpu()"), "");
        }
    }

    /** Real differences, large against the noise: from 2.0 to 2.5 by variant. */
    static double spread(Variant variant) {
        return variant.id().equals(SEED.id()) ? 2.25 : 2.0 + Math.floorMod(variant.id().hashCode(), 1000) / 2000.0;
    }

    private static Evolution evolution(Path dir, Noisy noisy, EvolutionPlan plan) {
        return evolution(dir, noisy, plan, 2);
    }

    private static Evolution evolution(Path dir, Noisy noisy, EvolutionPlan plan, int slots) {
        RunDirectory run = new RunDirectory(dir);
        LocalEvaluator evaluator = new LocalEvaluator(noisy, slots, ResultCache.under(run.variants()), "test", id -> null);
        return new Evolution(run, plan, EvolutionTest.parts(run, EvolutionTest.MUTATOR, evaluator,
                new VariantCompileCheck(SourceCompiler.forRunningJvm())), JSON, null);
    }

    private static RunState fresh(Path dir, Noisy noisy, EvolutionPlan plan) throws Exception {
        return fresh(dir, noisy, plan, 2);
    }

    private static RunState fresh(Path dir, Noisy noisy, EvolutionPlan plan, int slots) throws Exception {
        Evolution evolution = evolution(dir, noisy, plan, slots);
        return evolution.run(evolution.begin("run-test", SEED, JSON.createObjectNode(), Map.of("provider", "offline")));
    }

    /** Every decision of a run: its ledger's events without times, ids and sequence numbers, sorted. */
    static List<String> decisions(Path dir) {
        List<String> lines = new ArrayList<>();
        for (var entry : new Ledger(new RunDirectory(dir).ledger(), Clock.systemUTC()).entries()) {
            lines.add(entry.type() + " " + entry.event());
        }
        lines.sort(null);
        return lines;
    }

    /** Every agent's memory, as the files hold it. */
    static Map<String, String> memories(Path dir) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (var list = Files.list(new RunDirectory(dir).root().resolve("agents"))) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }

    @Test
    void aRunMeasuresItsNoiseRacesCloseCallsAndRecordsEffects(@TempDir Path dir) throws Exception {
        Noisy noisy = new Noisy(NoisyEvolutionTest::spread);
        RunState end = fresh(dir, noisy, PLAN);
        assertNotNull(end.noiseFloor(), "the noise floor is in run.json");
        assertEquals(3, end.noiseFloor().replicates());
        assertTrue(end.noiseFloor().loss().known());
        assertEquals(end, RunState.load(new RunDirectory(dir).state(), JSON));
        Ledger ledger = evolution(dir, noisy, PLAN).ledger();
        assertEquals(1, ledger.entries(EventType.NOISE_FLOOR).size());
        assertTrue(ledger.entries(EventType.REPLICATE).size() > 2,
                "the seed's replicates and racing's: " + ledger.entries(EventType.REPLICATE).size());
        ledger.events(Selected.class).forEach(s -> assertTrue(s.replicates().size() > 0));
        List<Attempt> attempts = evolution(dir, noisy, PLAN).memories().all().values().stream()
                .flatMap(m -> m.attempts().stream()).toList();
        assertTrue(attempts.stream().anyMatch(a -> a.effect() != null), "measured attempts carry their effect");
        for (Attempt attempt : attempts) {
            if (attempt.effect() != null) {
                Effect effect = attempt.effect();
                assertTrue(effect.perplexity().bounded());
                assertEquals(effect.verdict() == Effect.Verdict.BETTER, attempt.improved());
            }
        }
        noisy.done.forEach((key, n) -> assertEquals(1, n.get(), key + " evaluated " + n + " times"));
    }

    @Test
    void racingSpendsNoMoreThanItsShareOfEachGeneration(@TempDir Path dir) throws Exception {
        // four offspring a generation and a share of 0.3: at most 2 racing evaluations in each
        EvolutionPlan plan = new EvolutionPlan(4, 4, 3, Budget.steps(60), 7, new Nsga2(1), false,
                new Replication(3, 2.0, 4, 0.3));
        assertEquals(2, plan.replication().raceBudget(4));
        fresh(dir, new Noisy(NoisyEvolutionTest::spread), plan);
        int racing = 0;
        int generations = 0;
        boolean floorDone = false;
        for (var entry : evolution(dir, new Noisy(NoisyEvolutionTest::spread), plan).ledger().entries()) {
            if (entry.type() == EventType.NOISE_FLOOR) {
                floorDone = true;
            } else if (entry.type() == EventType.REPLICATE && floorDone) {
                racing++;
            } else if (entry.type() == EventType.SELECTION) {
                assertTrue(racing <= 2, "generation " + generations + " raced " + racing + " times");
                racing = 0;
                generations++;
            }
        }
        assertEquals(3, generations);
        assertEquals(0, new Replication(3, 2.0, 4, 0).raceBudget(8), "a share of 0 races nothing");
        assertEquals(0, new Replication(3, 2.0, 1, 1).raceBudget(8), "nor does a cap of 1");
        assertEquals(1, Replication.STANDARD.raceBudget(3), "rounded up");
    }

    @Test
    void theSameSeedGivesTheSameDecisionsWhateverTheTimingAndTheSlots(@TempDir Path a, @TempDir Path b) throws Exception {
        fresh(a, new Noisy(NoisyEvolutionTest::spread), PLAN, 1);
        fresh(b, new Noisy(NoisyEvolutionTest::spread), PLAN, 3);
        assertEquals(decisions(a),
                decisions(b));
        assertEquals(RunState.load(new RunDirectory(a).state(), JSON).members(),
                RunState.load(new RunDirectory(b).state(), JSON).members());
        assertEquals(memories(a).keySet(), memories(b).keySet());
        for (String agent : memories(a).keySet()) {
            assertEquals(withoutTimes(memories(a).get(agent)), withoutTimes(memories(b).get(agent)), agent);
        }
    }

    @Test
    void aRunKilledAnywhereEvenWhileRacingResumesToTheSameDecisionsRepeatingNothing(@TempDir Path reference,
            @TempDir Path root) throws Exception {
        Noisy first = new Noisy(NoisyEvolutionTest::spread);
        fresh(reference, first, PLAN);
        int evaluations = first.calls.get();
        List<String> expected = decisions(reference);
        for (int killAt : java.util.stream.IntStream.of(2, 4, 7, evaluations / 2, evaluations - 1).distinct().toArray()) {
            Path dir = Files.createDirectory(root.resolve("kill-" + killAt));
            Noisy noisy = new Noisy(NoisyEvolutionTest::spread);
            noisy.killAt = killAt;
            assertThrows(RuntimeException.class, () -> fresh(dir, noisy, PLAN));
            noisy.killAt = -1;
            Evolution resumed = evolution(dir, noisy, PLAN);
            resumed.run(RunState.load(new RunDirectory(dir).state(), JSON));
            assertEquals(expected, decisions(dir), "killed at " + killAt);
            noisy.done.forEach((key, n) -> assertEquals(1, n.get(), key + " evaluated twice after a kill at " + killAt));
        }
    }

    @Test
    void whenNothingReallyChangesFewAttemptsCountAsImproved(@TempDir Path dir) throws Exception {
        // every variant has the seed's true figures: any difference is noise
        EvolutionPlan plan = new EvolutionPlan(4, 4, 4, Budget.steps(60), 11, new Nsga2(1), false, Replication.STANDARD);
        fresh(dir, new Noisy(variant -> 2.25), plan);
        List<Attempt> measured = evolution(dir, new Noisy(variant -> 2.25), plan).memories().all().values().stream()
                .flatMap(m -> m.attempts().stream()).filter(a -> a.effect() != null)
                .collect(Collectors.toMap(Attempt::proposal, a -> a, (x, y) -> x)).values().stream().toList();
        long improved = measured.stream().filter(Attempt::improved).count();
        assertFalse(measured.isEmpty());
        assertTrue(improved <= Math.max(1, measured.size() / 10), improved + " of " + measured.size() + " counted as improved");
    }

    private static String withoutTimes(String memory) {
        return memory.replaceAll("\"(time|at|created)\" *: *\"[^\"]*\"", "\"$1\":\"-\"");
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
