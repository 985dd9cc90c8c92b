package darwin.population.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Budget;
import darwin.core.Variant;
import darwin.memory.Attempt;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import darwin.memory.ledger.Evaluated;
import darwin.memory.ledger.Ledger;
import darwin.memory.ledger.Promoted;
import darwin.memory.ledger.RungEvaluated;
import darwin.memory.ledger.Selected;
import darwin.population.selection.Nsga2;
import darwin.trainer.build.SourceCompiler;
import darwin.trainer.build.VariantCompileCheck;
import darwin.trainer.cache.ResultCache;
import darwin.trainer.sandbox.LocalEvaluator;
import darwin.trainer.variant.SeedVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop with budget rungs, over {@link NoisyEvolutionTest.Noisy}: a known mean per variant and
 * noise per (variant, seed), answered after a random delay on two slots.
 */
@Timeout(300)
class RungEvolutionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Variant SEED = SeedVariant.variant();
    private static final Budget FULL = Budget.steps(90);
    private static final EvolutionPlan PLAN = new EvolutionPlan(3, 6, 3, FULL, 7, new Nsga2(1), false,
            Replication.STANDARD, new Rungs(3, 3, Set.of()));

    private static Evolution evolution(Path dir, NoisyEvolutionTest.Noisy noisy, EvolutionPlan plan, int slots) {
        RunDirectory run = new RunDirectory(dir);
        LocalEvaluator evaluator = new LocalEvaluator(noisy, slots, ResultCache.under(run.variants()), "test", id -> null);
        return new Evolution(run, plan, EvolutionTest.parts(run, EvolutionTest.MUTATOR, evaluator,
                new VariantCompileCheck(SourceCompiler.forRunningJvm())), JSON, null);
    }

    private static RunState fresh(Path dir, NoisyEvolutionTest.Noisy noisy, EvolutionPlan plan, int slots) throws Exception {
        Evolution evolution = evolution(dir, noisy, plan, slots);
        return evolution.run(evolution.begin("run-test", SEED, JSON.createObjectNode(), Map.of("provider", "offline")));
    }

    private static NoisyEvolutionTest.Noisy noisy() {
        return new NoisyEvolutionTest.Noisy(NoisyEvolutionTest::spread);
    }

    @Test
    void childrenClimbTheRungsAndOnlyFullBudgetResultsEnterSelection(@TempDir Path dir) throws Exception {
        NoisyEvolutionTest.Noisy noisy = noisy();
        fresh(dir, noisy, PLAN, 2);
        Evolution evolution = evolution(dir, noisy, PLAN, 2);
        Ledger ledger = evolution.ledger();
        List<RungEvaluated> rungRuns = ledger.events(RungEvaluated.class);
        List<Promoted> promotions = ledger.events(Promoted.class);
        assertEquals(6, promotions.size(), "two rungs below the full budget in each of three generations");
        for (Promoted p : promotions) {
            assertEquals(p.rung() == 0 ? "steps-10" : "steps-30", p.budget());
            assertTrue(p.promoted().size() <= Math.max(1, (int) Math.ceil(p.entered().size() / 3.0)) + 1,
                    "about one in three, and a tie: " + p);
        }
        Set<String> full = ledger.events(Evaluated.class).stream().filter(e -> e.budget().equals(FULL.key()))
                .map(Evaluated::variant).collect(Collectors.toSet());
        Set<String> children = rungRuns.stream().map(RungEvaluated::variant).collect(Collectors.toSet());
        Set<String> reachedTop = promotions.stream().filter(p -> p.rung() == 1).flatMap(p -> p.promoted().stream())
                .collect(Collectors.toSet());
        Set<String> childrenAtFull = new HashSet<>(children);
        childrenAtFull.retainAll(full);
        assertEquals(reachedTop, childrenAtFull, "a child is trained at the full budget only when promoted from rung 2");
        assertTrue(childrenAtFull.size() < children.size(), "some children stopped below the full budget");
        for (Selected s : ledger.events(Selected.class)) {
            for (RunState.Member m : s.members()) {
                assertTrue(full.contains(m.variant()), "a member was measured at the full budget: " + m);
            }
        }
        List<Attempt> attempts = evolution.memories().all().values().stream().flatMap(m -> m.attempts().stream()).toList();
        assertTrue(attempts.stream().anyMatch(a -> Attempts.NOT_PROMOTED.equals(a.status()) && "rung 1/3".equals(a.stage())
                && a.after() == null && a.effect() == null), "a child stopped at the lowest rung has no fitness");
        assertTrue(attempts.stream().anyMatch(a -> "rung 3/3".equals(a.stage()) && a.after() != null));
        noisy.done.forEach((key, n) -> assertEquals(1, n.get(), key + " evaluated " + n + " times"));
    }

    @Test
    void aRunKilledInsideARungResumesToTheSameDecisionsRepeatingNothing(@TempDir Path reference, @TempDir Path root)
            throws Exception {
        NoisyEvolutionTest.Noisy first = noisy();
        fresh(reference, first, PLAN, 2);
        int evaluations = first.calls.get();
        List<String> expected = NoisyEvolutionTest.decisions(reference);
        for (int killAt : IntStream.of(5, 9, evaluations / 2, evaluations - 3).distinct().toArray()) {
            Path dir = Files.createDirectory(root.resolve("kill-" + killAt));
            NoisyEvolutionTest.Noisy noisy = noisy();
            noisy.killAt = killAt;
            assertThrows(RuntimeException.class, () -> fresh(dir, noisy, PLAN, 2));
            noisy.killAt = -1;
            evolution(dir, noisy, PLAN, 2).run(RunState.load(new RunDirectory(dir).state(), JSON));
            assertEquals(expected, NoisyEvolutionTest.decisions(dir), "killed at " + killAt);
            noisy.done.forEach((key, n) -> assertEquals(1, n.get(), key + " evaluated twice after a kill at " + killAt));
        }
    }

    @Test
    void theSameSeedGivesTheSameRungsWhateverTheTimingAndTheSlots(@TempDir Path a, @TempDir Path b) throws Exception {
        fresh(a, noisy(), PLAN, 1);
        fresh(b, noisy(), PLAN, 3);
        assertEquals(NoisyEvolutionTest.decisions(a), NoisyEvolutionTest.decisions(b));
    }

    @Test
    void protectedChangesSkipTheLowestRung(@TempDir Path dir) throws Exception {
        EvolutionPlan plan = new EvolutionPlan(3, 6, 2, FULL, 7, new Nsga2(1), false, Replication.STANDARD,
                new Rungs(3, 3, Set.of("schedule", "optimizer", "architecture", "regularisation", "initialisation",
                        "throughput", "data")));
        fresh(dir, noisy(), plan, 2);
        Ledger ledger = evolution(dir, noisy(), plan, 2).ledger();
        assertFalse(ledger.events(RungEvaluated.class).isEmpty());
        ledger.events(RungEvaluated.class).forEach(e -> assertEquals(1, e.rung(), "every change is protected: " + e));
        ledger.events(Promoted.class).stream().filter(p -> p.rung() == 0)
                .forEach(p -> assertTrue(p.entered().isEmpty(), "nobody at the lowest rung: " + p));
        assertNull(Rungs.OFF.protectedTags().stream().findAny().orElse(null));
    }
}
