package darwin.mutation.llm;

/**
 * Tokens a call consumed, as the server counted them.
 *
 * @param inputTokens tokens of the prompt
 * @param outputTokens tokens of the reply
 */
public record Usage(long inputTokens, long outputTokens) {

    /** No tokens: a call that sent nothing, or whose server did not say. */
    public static final Usage NONE = new Usage(0, 0);

    public Usage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException(
                    "token counts must not be negative, got " + inputTokens + " in and " + outputTokens + " out");
        }
    }

    /** The sum of both. */
    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }

    /** Input and output tokens together. */
    public long total() {
        return inputTokens + outputTokens;
    }
}
