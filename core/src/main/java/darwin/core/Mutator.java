package darwin.core;

/**
 * The port through which an agent proposes a change to a variant: an LLM with a repair loop, or
 * the offline catalog. Never throws for the LLM's or the edits' fault: every ending is a
 * {@link Proposal}. An outage of the LLM's endpoint that outlasts the run's patience is no
 * agent's ending: {@link MutatorUnavailableException}.
 */
@FunctionalInterface
public interface Mutator {

    /**
     * @throws MutatorUnavailableException when the endpoint behind the mutator stayed down longer
     *     than the run waits; nothing was recorded for this task
     */
    Proposal propose(MutationTask task) throws InterruptedException;
}
