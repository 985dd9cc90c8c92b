package darwin.mutation.llm;

/**
 * The port through which the mutation step asks a large language model for a reply.
 *
 * <p>Named {@code LlmClient} rather than after "language model" because in darwin a language model
 * is the GPT a training program trains.
 *
 * <p>Implementations never throw: whatever happens — a refused key, a stalled server, a
 * malformed body, a spent budget — ends as a {@link Completion.Failed} of a known
 * {@link FailureKind}. They return by the request's {@link CompletionRequest#deadline() deadline}
 * (give or take scheduling) and are safe for concurrent use.
 */
@FunctionalInterface
public interface LlmClient {

    /** Asks for a reply; returns the reply or why there is none, never throws. */
    Completion complete(CompletionRequest request);
}
