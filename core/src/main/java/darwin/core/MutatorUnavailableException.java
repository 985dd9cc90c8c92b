package darwin.core;

/**
 * The mutator cannot propose anything for a while that is not an agent's fault: its LLM endpoint
 * stopped answering and did not come back within the time the run allows. Thrown by
 * {@link Mutator#propose} instead of a {@link Proposal}, so that no agent is charged with a
 * failure: the run stops, and a resume asks for the same proposal again.
 */
public final class MutatorUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is unavailable, since when, and what to do (one or two sentences) */
    public MutatorUnavailableException(String message) {
        super(message);
    }
}
