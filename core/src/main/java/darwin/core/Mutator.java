package darwin.core;

/**
 * The port through which an agent proposes a change to a variant: an LLM with a repair loop, or
 * the offline catalog. Never throws for the LLM's or the edits' fault: every ending is a
 * {@link Proposal}.
 */
@FunctionalInterface
public interface Mutator {

    Proposal propose(MutationTask task) throws InterruptedException;
}
