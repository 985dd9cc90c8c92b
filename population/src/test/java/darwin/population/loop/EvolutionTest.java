package darwin.population.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Budget;
import darwin.core.CompileCheck;
import darwin.core.EvaluationResult;
import darwin.core.Evaluator;
import darwin.core.Metrics;
import darwin.core.Mutator;
import darwin.core.Variant;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import darwin.memory.ledger.EventType;
import darwin.memory.ledger.Ledger;
import darwin.memory.ledger.LedgerEntry;
import darwin.memory.ledger.Proposed;
import darwin.mutation.OfflineMutator;
import darwin.mutation.catalog.Catalog;
import darwin.mutation.catalog.CatalogMutator;
import darwin.mutation.edit.EditApplier;
import darwin.mutation.edit.UnifiedDiff;
import darwin.population.selection.Nsga2;
import darwin.population.upgrade.Upgrader;
import darwin.trainer.build.SourceCompiler;
import darwin.trainer.build.VariantCompileCheck;
import darwin.trainer.cache.ResultCache;
import darwin.trainer.resources.ResourceApprovals;
import darwin.trainer.sandbox.LocalEvaluator;
import darwin.trainer.variant.SeedVariant;
import darwin.trainer.variant.VariantFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop with the real offline mutator and an evaluator whose figures are a fixed function of
 * the variant, so that runs can be compared exactly; the sandboxed evaluator is exercised end to
 * end by {@code RunCommandTest}.
 */
@Timeout(180)
class EvolutionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Variant SEED = SeedVariant.variant();
    static final OfflineMutator MUTATOR = new OfflineMutator(new CatalogMutator(Catalog.standard()), new EditApplier(),
            new VariantCompileCheck(SourceCompiler.forRunningJvm()));
    private static final EvolutionPlan PLAN = new EvolutionPlan(3, 3, 3, Budget.seconds(5), 7, new Nsga2(1));

    /** Figures that depend on the variant's id only. */
    static EvaluationResult figures(Variant variant) {
        int h = Math.floorMod(variant.id().hashCode(), 1000);
        double loss = 2.0 + h / 2000.0;
        return EvaluationResult.ok(new Metrics(loss, Math.exp(loss), 0.2 + h / 10000.0, 1000, 5000, 5, 800, 5e6, 3e11, 6, 5,
                "cpu()"), "");
    }

    /**
     * Counts the evaluations really done (not served by the cache), by variant and budget, keeps
     * the budgets asked for, and can fail on the n-th.
     */
    static final class Counting implements LocalEvaluator.SlotEvaluation {
        final Map<String, AtomicInteger> done = new ConcurrentHashMap<>();
        final Set<String> budgets = ConcurrentHashMap.newKeySet();
        final AtomicInteger calls = new AtomicInteger();
        volatile int killAt = -1;

        @Override
        public EvaluationResult evaluate(Variant variant, Budget budget, long seed, Path logs) {
            if (calls.incrementAndGet() == killAt) {
                throw new Killed();
            }
            budgets.add(budget.key());
            done.computeIfAbsent(variant.id() + "@" + budget.key(), id -> new AtomicInteger()).incrementAndGet();
            return figures(variant);
        }
    }

    /** Stands for the process being killed. */
    static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Killed() {
            super("killed", null, false, false);
        }
    }

    private static Evolution evolution(Path dir, Counting counting) {
        RunDirectory run = new RunDirectory(dir);
        LocalEvaluator evaluator = new LocalEvaluator(counting, 1, ResultCache.under(run.variants()), "test", id -> null);
        return new Evolution(run, PLAN, parts(run, MUTATOR, evaluator, new VariantCompileCheck(SourceCompiler.forRunningJvm())),
                JSON, null);
    }

    /** The parts a run's assembly builds: the trainer's variant folders and resource manifest, the mutation side's diff. */
    static EvolutionParts parts(RunDirectory run, Mutator mutator, Evaluator evaluator, CompileCheck compiler) {
        return new EvolutionParts(mutator, evaluator, new VariantFolders(run.variants()), UnifiedDiff.TEXT,
                new Upgrader(compiler, new ResourceApprovals()));
    }

    private static RunState fresh(Path dir, Counting counting) throws Exception {
        Evolution evolution = evolution(dir, counting);
        return evolution.run(evolution.begin("run-test", SEED, JSON.createObjectNode(), Map.of("provider", "offline")));
    }

    private static List<String> proposals(Path dir) {
        return new Ledger(new RunDirectory(dir).ledger(), Clock.systemUTC()).events(Proposed.class).stream()
                .map(p -> p.key() + "=" + p.child()).sorted().toList();
    }

    @Test
    void aRunWritesItsFilesAndEvolves(@TempDir Path dir) throws Exception {
        Counting counting = new Counting();
        RunState end = fresh(dir, counting);
        assertEquals(3, end.generation());
        assertEquals(3, end.members().size());
        RunDirectory run = new RunDirectory(dir);
        assertEquals(end, RunState.load(run.state(), JSON));
        var evolution = evolution(dir, counting);
        List<LedgerEntry> ledger = evolution.ledger().entries();
        assertEquals(9, evolution.ledger().entries(EventType.PROPOSAL).size(), "three offspring in each of three generations");
        assertEquals(3, evolution.ledger().entries(EventType.SELECTION).size());
        assertTrue(ledger.stream().map(LedgerEntry::id).distinct().count() == ledger.size(), "unique event ids");
        for (int i = 0; i < 3; i++) {
            var memory = evolution.memories().get(Evolution.agentName(i));
            assertTrue(!memory.attempts().isEmpty(), memory.agent() + " remembers attempts");
            assertTrue(Files.isRegularFile(run.agent(memory.agent())));
        }
        counting.done.forEach((id, n) -> assertEquals(1, n.get(), id + " evaluated " + n + " times"));
        assertTrue(end.members().stream().anyMatch(m -> !m.variant().equals(SEED.id())), "the population moved off the seed");
        assertThrows(IllegalStateException.class, () -> evolution(dir, counting).begin("again", SEED, JSON.createObjectNode(),
                Map.of()));
    }

    @Test
    void theSameSeedGivesTheSameRun(@TempDir Path a, @TempDir Path b) throws Exception {
        RunState first = fresh(a, new Counting());
        RunState second = fresh(b, new Counting());
        assertEquals(first.members(), second.members());
        assertEquals(proposals(a), proposals(b));
    }

    @Test
    void aRunKilledAtAnyEvaluationResumesWithNothingLostOrRepeated(@TempDir Path reference, @TempDir Path root)
            throws Exception {
        RunState uninterrupted = fresh(reference, new Counting());
        for (int killAt : new int[] {2, 5, 9}) {
            Path dir = Files.createDirectory(root.resolve("kill-" + killAt));
            Counting counting = new Counting();
            counting.killAt = killAt;
            assertThrows(RuntimeException.class, () -> fresh(dir, counting));
            counting.killAt = -1;
            Evolution resumed = evolution(dir, counting);
            RunState end = resumed.run(RunState.load(new RunDirectory(dir).state(), JSON));
            assertEquals(uninterrupted.members(), end.members(), "killed at evaluation " + killAt);
            assertEquals(proposals(reference), proposals(dir));
            counting.done.forEach((id, n) -> assertEquals(1, n.get(), id + " evaluated twice after a kill at " + killAt));
            assertEquals(Set.of(3), Set.of(end.generation()));
        }
    }

    @Test
    void aKillBetweenTheSelectionAndTheCheckpointRepeatsNothing(@TempDir Path dir) throws Exception {
        Counting counting = new Counting();
        Evolution evolution = evolution(dir, counting);
        RunState start = evolution.begin("run-test", SEED, JSON.createObjectNode(), Map.of());
        evolution.generation(start);
        start.save(new RunDirectory(dir).state(), JSON); // the checkpoint of generation 1 never reached the disk
        Evolution resumed = evolution(dir, counting);
        resumed.run(RunState.load(new RunDirectory(dir).state(), JSON));
        assertEquals(3, resumed.ledger().entries(EventType.SELECTION).size());
        assertEquals(9, resumed.ledger().entries(EventType.PROPOSAL).size());
        int attempts = resumed.memories().all().values().stream().mapToInt(m -> m.attempts().size()).sum();
        long recorded = resumed.memories().all().values().stream().flatMap(m -> m.attempts().stream())
                .map(a -> a.proposal() + a.mutator()).distinct().count();
        assertTrue(attempts >= 9);
        assertEquals(9, resumed.memories().all().values().stream().flatMap(m -> m.attempts().stream())
                .map(a -> a.proposal()).distinct().count(), "each proposal remembered once per agent");
        assertTrue(recorded <= attempts);
        counting.done.forEach((id, n) -> assertEquals(1, n.get(), id));
    }
}
