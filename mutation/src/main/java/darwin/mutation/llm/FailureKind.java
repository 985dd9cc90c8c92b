package darwin.mutation.llm;

/**
 * Why a call gave no usable reply. A closed set; {@link #retryable()} says which kinds another
 * attempt may cure.
 */
public enum FailureKind {
    /** No reply in time: one attempt ran past its read timeout, or the call past its deadline. */
    TIMEOUT(true),
    /** The server refused for too many requests or tokens (HTTP 429). */
    RATE_LIMITED(true),
    /** The server failed (HTTP 5xx, overloaded included). */
    SERVER_ERROR(true),
    /** No connection: refused, reset, unknown host, or the connect timeout. */
    CONNECTION(true),
    /**
     * A successful status with a body that is not JSON at all: a proxy's or gateway's HTML error
     * page, an empty body. Passing, as the same page with an error status would be; JSON that is
     * not the API's shape is {@link #MALFORMED_RESPONSE}.
     */
    NOT_JSON(true),
    /** The server rejected the request as invalid (HTTP 400 and other 4xx), or it could not be built. */
    BAD_REQUEST(false),
    /** The key is missing, wrong or not allowed (HTTP 401 or 403). */
    AUTHENTICATION(false),
    /** The model or the endpoint does not exist (HTTP 404). */
    NOT_FOUND(false),
    /** The reply stopped at the output token limit; the partial text is kept. */
    TRUNCATED(false),
    /**
     * The model refused, or the server's content filter stopped the reply: a refusal in the API's
     * own field (OpenAI's {@code message.refusal}, Anthropic's stop reason {@code refusal}) or a
     * filter's finish reason (OpenAI's {@code content_filter}, Gemini's {@code SAFETY} and the
     * like). The message holds the refusal's text when the server gave one, as does the partial text.
     */
    CONTENT_FILTERED(false),
    /** The server answered with JSON that is not the reply its API promises. */
    MALFORMED_RESPONSE(false),
    /** The run's cost cap is reached; nothing was sent. */
    COST_CAP(false),
    /** The calling thread was interrupted. */
    INTERRUPTED(false),
    /** An error darwin does not recognise; the message names it. */
    UNEXPECTED(false);

    private final boolean retryable;

    FailureKind(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether another attempt of the same request may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
