package darwin.population.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Budget;
import darwin.core.Change;
import darwin.core.MutationTask;
import darwin.core.Mutator;
import darwin.core.Proposal;
import darwin.core.RequestKind;
import darwin.core.Sleeper;
import darwin.core.UpgradeRequest;
import darwin.core.Variant;
import darwin.memory.Note;
import darwin.memory.Request;
import darwin.memory.RequestBook;
import darwin.memory.RequestStatus;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import darwin.memory.SuggestionBox;
import darwin.memory.ledger.EventType;
import darwin.memory.ledger.Proposed;
import darwin.mutation.OfflineMutator;
import darwin.mutation.catalog.Catalog;
import darwin.mutation.catalog.CatalogMutator;
import darwin.mutation.edit.EditApplier;
import darwin.population.selection.Nsga2;
import darwin.population.upgrade.UpgradeReader;
import darwin.population.upgrade.Upgrader;
import darwin.trainer.build.SourceCompiler;
import darwin.trainer.build.VariantCompileCheck;
import darwin.trainer.cache.ResultCache;
import darwin.trainer.data.Corpus;
import darwin.trainer.resources.ResourceApprovals;
import darwin.trainer.resources.ResourceStore;
import darwin.trainer.resources.VariantResources;
import darwin.trainer.sandbox.LocalEvaluator;
import darwin.trainer.variant.SeedVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Requests, decisions and suggestions as the loop applies them, with a deterministic mutator and fake figures. */
@Timeout(180)
class PeopleInTheLoopTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Variant SEED = SeedVariant.variant();
    private static final VariantCompileCheck COMPILER = new VariantCompileCheck(SourceCompiler.forRunningJvm());
    private static final String HELPER = """
            package darwin.program;

            /** Added by people. */
            final class Warmup {
                static double factor(int step) {
                    return Math.min(1.0, step / 100.0);
                }
            }
            """;

    /** The catalog mutator, keeping every task it was given. */
    static final class Recording implements Mutator {
        final List<MutationTask> tasks = new CopyOnWriteArrayList<>();

        @Override
        public Proposal propose(MutationTask task) throws InterruptedException {
            tasks.add(task);
            return EvolutionTest.MUTATOR.propose(task);
        }
    }

    private static Evolution evolution(Path dir, Mutator mutator, EvolutionTest.Counting evaluation, boolean await) {
        return evolution(dir, mutator, evaluation, await, null);
    }

    private static Evolution evolution(Path dir, Mutator mutator, EvolutionTest.Counting evaluation, boolean await,
            EvolutionListener listener) {
        return evolution(dir, mutator, evaluation, await, listener, Sleeper.SYSTEM);
    }

    private static Evolution evolution(Path dir, Mutator mutator, EvolutionTest.Counting evaluation, boolean await,
            EvolutionListener listener, Sleeper sleeper) {
        RunDirectory run = new RunDirectory(dir);
        var plan = new EvolutionPlan(3, 3, 3, Budget.seconds(5), 7, new Nsga2(1), await);
        LocalEvaluator evaluator = new LocalEvaluator(evaluation, 1, ResultCache.under(run.variants()), "test", id -> null);
        return new Evolution(run, plan, EvolutionTest.parts(run, mutator, evaluator, COMPILER), JSON, listener, sleeper);
    }

    private static RequestBook book(Path dir) {
        return new RequestBook(new RunDirectory(dir).requests(), JSON, Clock.systemUTC());
    }

    private static UpgradeRequest ask(RequestKind kind, String payload) {
        return new UpgradeRequest(kind, kind + " please", "the evidence", payload);
    }

    @Test
    void approvedRequestsTakeEffectFromTheNextGenerationAndTheAgentsLearnEveryDecision(@TempDir Path dir) throws Exception {
        EvolutionTest.Counting evaluation = new EvolutionTest.Counting();
        Recording mutator = new Recording();
        Evolution evolution = evolution(dir, mutator, evaluation, false);
        RunState start = evolution.begin("people", SEED, JSON.createObjectNode(), Map.of());
        RequestBook book = book(dir);
        book.file("g0-s0", 0, "agent-1", ask(RequestKind.BUDGET, "8"));
        book.file("g0-s1", 0, "agent-2", ask(RequestKind.SCRIPT, HELPER));
        book.file("g0-s2", 0, "agent-3", ask(RequestKind.FILE_STRUCTURE, "{\"move\": {\"program/darwin/program/Nope.java\":"
                + " \"program/darwin/program/Other.java\"}}"));
        book.file("g0-s3", 0, "agent-3", ask(RequestKind.BUDGET, "60"));
        book.decide("r1", RequestStatus.APPROVED, "ada", "go ahead", "");
        book.decide("r2", RequestStatus.APPROVED, "ada", "", "");
        book.decide("r3", RequestStatus.APPROVED, "ada", "", "");
        book.decide("r4", RequestStatus.DENIED, "bob", "too expensive", "");
        new SuggestionBox(new RunDirectory(dir).suggestions(), JSON, Clock.systemUTC()).add("ada", "agent-2", "try a longer warm-up");

        RunState first = evolution.generation(start);

        assertEquals(RequestStatus.APPLIED, book.get("r1").status());
        assertEquals(1, book.get("r1").applied().generation());
        assertEquals(Set.of(Budget.seconds(8).key()), evaluation.budgets, "members and offspring at the new budget");
        assertEquals(RequestStatus.APPLIED, book.get("r2").status());
        for (RunState.Member member : first.members()) {
            assertTrue(evolution.variant(member.variant()).files().containsKey("program/darwin/program/Warmup.java"),
                    member + " has the approved script");
        }
        Request failed = book.get("r3");
        assertEquals(RequestStatus.FAILED, failed.status());
        assertTrue(failed.applied().note().contains("does not have"), failed.applied().note());

        List<String> toOne = notes(evolution, "agent-1");
        assertTrue(toOne.contains("r1:APPROVED") && toOne.contains("r1:APPLIED"), toOne.toString());
        assertTrue(notes(evolution, "agent-3").containsAll(List.of("r3:APPROVED", "r3:FAILED", "r4:DENIED")));
        assertTrue(evolution.memories().get("agent-3").notes().stream().anyMatch(n -> n.text().contains("too expensive")));
        assertTrue(notes(evolution, "agent-2").contains("s1"));
        assertFalse(notes(evolution, "agent-1").contains("s1"), "a suggestion to agent-2 only");
        assertEquals(7, evolution.ledger().entries(EventType.DECISION).size(), "r1-r3 approved and settled, r4 denied");
        assertEquals(1, evolution.ledger().entries(EventType.SUGGESTION).size());
        assertTrue(mutator.tasks.stream().filter(t -> t.agent().equals("agent-2"))
                .allMatch(t -> t.suggestions().stream().anyMatch(s -> s.text().contains("try a longer warm-up"))), "in the prompt");
        assertTrue(mutator.tasks.stream().filter(t -> t.agent().equals("agent-1"))
                .allMatch(t -> t.budget().equals(Budget.seconds(8))), "the task states the new budget");

        RunState second = evolution.generation(first);
        assertEquals(1, book.get("r1").applied().generation(), "applied once");
        assertEquals(Set.of(Budget.seconds(8).key()), evaluation.budgets, "the raised budget stays");
        assertEquals(7, evolution.ledger().entries(EventType.DECISION).size(), "nothing told twice");
        assertEquals(2, second.generation());
    }

    @Test
    void proposalsOfOneGenerationThatAskTheSameFileItOnceForTheFirstSlot(@TempDir Path dir) throws Exception {
        UpgradeRequest more = ask(RequestKind.BUDGET, "10");
        Mutator asking = task -> {
            Proposal proposal = EvolutionTest.MUTATOR.propose(task);
            return new Proposal(proposal.agent(), proposal.target(), proposal.status(), proposal.reason(),
                    proposal.change().map(c -> new Change(c.reasoning(), c.summary(), c.tags(), c.edits(), Optional.of(more))),
                    proposal.child(), proposal.rounds(), proposal.inputTokens(), proposal.outputTokens(), proposal.cost());
        };
        Evolution evolution = evolution(dir, asking, new EvolutionTest.Counting(), false);
        evolution.generation(evolution.begin("people", SEED, JSON.createObjectNode(), Map.of()));
        List<Request> filed = book(dir).all();
        assertEquals(1, filed.size(), "every slot asked for the same budget: " + filed);
        assertEquals("g1-s0", filed.getFirst().proposal(), "the first slot's, whichever proposal ended first");
        assertEquals(1, evolution.ledger().entries(EventType.REQUEST).size());
    }

    @Test
    void anApprovedDatasetIsListedByEveryMemberAndItsOffspring(@TempDir Path dir) throws Exception {
        RunDirectory run = new RunDirectory(dir);
        var store = ResourceStore.at(run.resources());
        var compiler = new VariantCompileCheck(SourceCompiler.forRunningJvm(), Optional.of(store));
        var mutator = new OfflineMutator(new CatalogMutator(
                Catalog.standard()), new EditApplier(), compiler);
        var plan = new EvolutionPlan(3, 3, 3, Budget.seconds(5), 7, new Nsga2(1));
        EvolutionTest.Counting evaluation = new EvolutionTest.Counting();
        Evolution evolution = new Evolution(run, plan, EvolutionTest.parts(run, mutator, new LocalEvaluator(evaluation, 1,
                ResultCache.under(run.variants()), "test", id -> null), compiler), JSON, null);
        RunState start = evolution.begin("people", SEED, JSON.createObjectNode(), Map.of());
        Path text = Files.writeString(dir.resolve("sonnets.txt"), "From fairest creatures we desire increase,\n");
        var added = store.addDataset(text, Corpus.tinyShakespeare().tokenizer());
        book(dir).file("g0-s0", 0, "agent-1", ask(RequestKind.DATASET, "sonnets"));
        book(dir).decide("r1", RequestStatus.APPROVED, "ada", "", ResourceApprovals.value(added.ref()));

        RunState first = evolution.generation(start);

        assertEquals(RequestStatus.APPLIED, book(dir).get("r1").status(), book(dir).get("r1").applied().note());
        for (RunState.Member member : first.members()) {
            var resources = VariantResources.of(evolution.variant(member.variant()));
            assertEquals(List.of(added.ref()), resources.datasets(), member + " trains on the approved text");
        }
        long children = evolution.ledger().events(Proposed.class).stream().filter(p -> p.status().equals("PROPOSED")).count();
        assertTrue(children > 0, "the members with a manifest still compile and evolve");
    }

    private static void ask(Path dir) {
        RequestBook book = book(dir);
        book.file("g0-s0", 0, "agent-1", ask(RequestKind.BUDGET, "8"));
        book.file("g0-s1", 0, "agent-2", ask(RequestKind.SCRIPT, HELPER));
        book.decide("r1", RequestStatus.APPROVED, "ada", "", "");
        book.decide("r2", RequestStatus.APPROVED, "ada", "", "");
    }

    @Test
    void aRunKilledAfterApplyingRequestsResumesToTheSameEnd(@TempDir Path reference, @TempDir Path root) throws Exception {
        Evolution whole = evolution(reference, new Recording(), new EvolutionTest.Counting(), false);
        RunState start = whole.begin("people", SEED, JSON.createObjectNode(), Map.of());
        ask(reference);
        RunState uninterrupted = whole.run(start);
        for (int killAt : new int[] {1, 4}) {
            Path dir = Files.createDirectory(root.resolve("kill-" + killAt));
            EvolutionTest.Counting evaluation = new EvolutionTest.Counting();
            evaluation.killAt = killAt;
            Evolution killed = evolution(dir, new Recording(), evaluation, false);
            RunState begun = killed.begin("people", SEED, JSON.createObjectNode(), Map.of());
            ask(dir);
            Assertions.assertThrows(RuntimeException.class, () -> killed.run(begun));
            assertEquals(RequestStatus.APPLIED, book(dir).get("r2").status(), "applied before the kill");
            evaluation.killAt = -1;
            Evolution resumed = evolution(dir, new Recording(), evaluation, false);
            RunState end = resumed.run(RunState.load(new RunDirectory(dir).state(), JSON));
            assertEquals(uninterrupted.members(), end.members(), "killed at evaluation " + killAt);
            evaluation.done.forEach((id, n) -> assertEquals(1, n.get(), id + " evaluated twice"));
            assertEquals(book(reference).all().stream().map(r -> r.status() + r.applied().note()).toList(),
                    book(dir).all().stream().map(r -> r.status() + r.applied().note()).toList());
        }
    }

    /**
     * The loop's waits for decisions, one at a time: each wait is announced, then held until the
     * test lets the loop look at the book again.
     */
    private static final class HeldWaits implements Sleeper {
        final BlockingQueue<Duration> begun = new LinkedBlockingQueue<>();
        final Semaphore lookAgain = new Semaphore(0);

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            begun.add(duration);
            lookAgain.acquire();
        }

        /** The next wait the loop began, failing when it began none. */
        Duration next() throws InterruptedException {
            Duration wait = begun.poll(60, TimeUnit.SECONDS);
            assertNotNull(wait, "the loop did not wait again");
            return wait;
        }
    }

    @Test
    void withAwaitApprovalTheRunWaitsForPeopleAfterAGeneration(@TempDir Path dir) throws Exception {
        var waiting = new CompletableFuture<List<String>>();
        HeldWaits waits = new HeldWaits();
        Evolution evolution = evolution(dir, new Recording(), new EvolutionTest.Counting(), true, new EvolutionListener() {
            @Override
            public void awaitingDecisions(int generation, List<String> pending) {
                waiting.complete(pending);
            }
        }, waits);
        RunState start = evolution.begin("people", SEED, JSON.createObjectNode(), Map.of());
        book(dir).file("g0-s0", 0, "agent-1", ask(RequestKind.BUDGET, "8"));
        var ended = new CompletableFuture<RunState>();
        Thread runner = new Thread(() -> {
            try {
                ended.complete(evolution.generation(start));
            } catch (Throwable e) {
                ended.completeExceptionally(e);
            }
        });
        runner.setDaemon(true);
        runner.start();
        assertEquals(List.of("r1"), waiting.get(60, TimeUnit.SECONDS));
        for (int look = 1; look <= 3; look++) {
            assertEquals(RequestDesk.POLL, waits.next(), "look " + look + " found r1 pending and waits to look again");
            assertFalse(ended.isDone(), "waits while r1 is pending");
            waits.lookAgain.release();
        }
        waits.next();
        book(dir).decide("r1", RequestStatus.DENIED, "ada", "not now", "");
        waits.lookAgain.release();
        assertEquals(1, ended.get(60, TimeUnit.SECONDS).generation());
        assertTrue(waits.begun.isEmpty(), "no wait once nothing is pending: " + waits.begun);
    }

    private static List<String> notes(Evolution evolution, String agent) {
        return evolution.memories().get(agent).notes().stream().map(Note::id).toList();
    }
}
