package darwin.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import darwin.core.Change;
import darwin.core.MutationTask;
import darwin.core.Mutator;
import darwin.core.Proposal;
import darwin.core.ProposalStatus;
import darwin.core.Variant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What every {@link Mutator} must do, whatever it consults: every implementation's test extends
 * this and lists the endings it can reach, each with a fresh mutator and a task
 * ({@link LlmMutatorTest} against a scripted LLM client, {@link OfflineMutatorTest} with the
 * catalog).
 *
 * <p>The contract, for every ending: no exception for the LLM's or the edits' fault, but a
 * {@link Proposal} with the expected status and a reason; it names the task's agent and target; a
 * {@link ProposalStatus#PROPOSED} proposal has a child of the target that differs from it, a
 * {@link ProposalStatus#REQUEST_ONLY} one a request and no edit, any other no child; the same task
 * to a mutator that hears the same gives the same proposal (a mutator adds no randomness but the
 * task's seed). And an interrupt is never swallowed.
 */
abstract class MutatorContract {

    /**
     * One way a proposal can end, as an implementation's test arranges it.
     *
     * @param name what happens, in a few words
     * @param mutator makes a fresh mutator (for one that consults an LLM, with a fresh script)
     * @param task the task to propose for
     * @param status how the proposal must end
     */
    protected record Ending(String name, Supplier<Mutator> mutator, MutationTask task, ProposalStatus status) {
        protected Ending {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mutator, "mutator");
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(status, "status");
        }

        Proposal propose() throws InterruptedException {
            return mutator.get().propose(task);
        }
    }

    /** The endings the mutator can reach: at least one {@link ProposalStatus#PROPOSED} and one other. */
    protected abstract List<Ending> endings();

    @Test
    void theEndingsIncludeAChildAndAFailure() {
        List<ProposalStatus> statuses = endings().stream().map(Ending::status).toList();
        assertTrue(statuses.contains(ProposalStatus.PROPOSED), "a contract test needs an ending with a child: " + statuses);
        assertTrue(statuses.stream().anyMatch(s -> s != ProposalStatus.PROPOSED), "and one without: " + statuses);
    }

    @TestFactory
    Stream<DynamicContainer> everyEndingKeepsTheContract() {
        return endings().stream().map(ending -> {
            Once once = new Once(ending);
            return dynamicContainer(ending.name(), Stream.of(
                    dynamicTest("ends in a " + ending.status() + " proposal with a reason, not an exception", () -> {
                        Proposal proposal = once.proposal();
                        assertEquals(ending.status(), proposal.status(), proposal.reason());
                        assertFalse(proposal.reason().isBlank());
                        assertFalse(proposal.rounds().isEmpty(), "every exchange is recorded");
                    }),
                    dynamicTest("names the task's agent and target", () -> namesItsTask(once.proposal(), ending.task())),
                    dynamicTest("carries what its status promises", () -> keepsItsStatus(once.proposal(), ending.task())),
                    dynamicTest("the same task gives the same proposal",
                            () -> assertEquals(once.proposal(), ending.propose()))));
        });
    }

    @Test
    void anInterruptedCallerKeepsItsInterrupt() throws Exception {
        Ending ending = endings().stream().filter(e -> e.status() == ProposalStatus.PROPOSED).findFirst().orElseThrow();
        Thread.currentThread().interrupt();
        try {
            Proposal proposal = ending.propose();
            assertTrue(Thread.currentThread().isInterrupted(), "a mutator that returns keeps the caller's interrupt");
            namesItsTask(proposal, ending.task());
            keepsItsStatus(proposal, ending.task());
        } catch (InterruptedException e) {
            // the other way to honour it
        } finally {
            Thread.interrupted();
        }
    }

    private static void namesItsTask(Proposal proposal, MutationTask task) {
        assertEquals(task.agent(), proposal.agent());
        assertEquals(task.target().id(), proposal.target());
    }

    private static void keepsItsStatus(Proposal proposal, MutationTask task) {
        Variant target = task.target();
        switch (proposal.status()) {
            case PROPOSED -> {
                Variant child = proposal.child().orElseThrow();
                assertEquals(List.of(target.id()), child.parents(), "the child's one parent is the target");
                assertEquals(target.entry(), child.entry());
                assertNotEquals(target.files(), child.files(), "the child differs from the target");
                assertNotEquals(target.id(), child.id());
                assertFalse(proposal.change().orElseThrow().edits().isEmpty(), "the change that made it");
            }
            case REQUEST_ONLY -> {
                assertTrue(proposal.child().isEmpty());
                Change change = proposal.change().orElseThrow();
                assertTrue(change.request().isPresent(), "what it asks people for");
                assertTrue(change.edits().isEmpty(), "and no edit");
            }
            case LLM_FAILED, UNPARSABLE, EDITS_DID_NOT_APPLY, DOES_NOT_COMPILE, COST_CAP, NOTHING_TO_PROPOSE ->
                    assertTrue(proposal.child().isEmpty(), "no child");
        }
    }

    /** An ending's proposal, made once for the checks that share it. */
    private static final class Once {
        private final Ending ending;
        private Proposal proposal;

        Once(Ending ending) {
            this.ending = ending;
        }

        synchronized Proposal proposal() throws InterruptedException {
            if (proposal == null) {
                proposal = ending.propose();
            }
            return proposal;
        }
    }
}
