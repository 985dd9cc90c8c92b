package darwin.mutation.llm;

/** Why the server stopped writing a reply. */
public enum FinishReason {
    /** The reply is complete. */
    STOP,
    /** The reply hit the output token limit: a {@link FailureKind#TRUNCATED} failure. */
    LENGTH,
    /** The server's content filter stopped the reply: a {@link FailureKind#CONTENT_FILTERED} failure. */
    CONTENT_FILTER,
    /** The model asked to call a tool (darwin offers none). */
    TOOL_CALLS,
    /** Another reason, or none given. */
    OTHER;

    /** Whether a reply that stopped for this reason is complete enough to use. */
    public boolean complete() {
        return this != LENGTH && this != CONTENT_FILTER;
    }
}
