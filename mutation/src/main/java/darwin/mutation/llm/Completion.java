package darwin.mutation.llm;

import darwin.core.EvaluationResult;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one call to an {@link LlmClient}: a reply, or why there is none. Both say what
 * the call spent — tokens, US dollars, requests sent — so that every call can be accounted for,
 * failed ones included.
 */
public sealed interface Completion permits Completion.Replied, Completion.Failed {

    /** Tokens this call consumed over all its attempts ({@link Usage#NONE} when served from the cache). */
    Usage usage();

    /** US dollars this call cost over all its attempts (0 when served from the cache or by a local server). */
    double cost();

    /** Requests sent to the server (0 when none was: a cache hit, the cost cap, a passed deadline). */
    int attempts();

    /** The same outcome with the spending of a whole call: used by decorators that sum attempts. */
    Completion withSpending(Usage usage, double cost, int attempts);

    /**
     * A complete reply.
     *
     * @param text what the model wrote
     * @param usage tokens spent
     * @param cost US dollars spent
     * @param finishReason why the model stopped: never {@link FinishReason#LENGTH} or
     *     {@link FinishReason#CONTENT_FILTER}, which are failures
     * @param attempts requests sent
     */
    record Replied(String text, Usage usage, double cost, FinishReason finishReason, int attempts)
            implements Completion {

        public Replied {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(finishReason, "finishReason");
            checkSpending(cost, attempts);
            if (!finishReason.complete()) {
                throw new IllegalArgumentException("a reply that stopped for " + finishReason + " is a failure, not a reply");
            }
        }

        @Override
        public Replied withSpending(Usage usage, double cost, int attempts) {
            return new Replied(text, usage, cost, finishReason, attempts);
        }
    }

    /**
     * No usable reply.
     *
     * @param kind why, as one of a closed set
     * @param message one line for people and logs; it never holds an API key
     * @param partialText what the model wrote before it was stopped ({@link FailureKind#TRUNCATED},
     *     {@link FailureKind#CONTENT_FILTERED}); empty otherwise
     * @param retryAfter the wait the server asked for before another request ({@code Retry-After}), if it said
     * @param usage tokens spent
     * @param cost US dollars spent
     * @param attempts requests sent
     */
    record Failed(FailureKind kind, String message, String partialText, Optional<Duration> retryAfter, Usage usage,
            double cost, int attempts) implements Completion {

        public Failed {
            Objects.requireNonNull(kind, "kind");
            message = EvaluationResult.oneLine(message);
            partialText = Objects.requireNonNullElse(partialText, "");
            retryAfter = Objects.requireNonNullElse(retryAfter, Optional.empty());
            Objects.requireNonNull(usage, "usage");
            checkSpending(cost, attempts);
            if (retryAfter.isPresent() && retryAfter.get().isNegative()) {
                throw new IllegalArgumentException("a Retry-After wait must not be negative, got " + retryAfter.get());
            }
        }

        /** A failure that sent nothing and spent nothing. */
        public static Failed before(FailureKind kind, String message) {
            return new Failed(kind, message, "", Optional.empty(), Usage.NONE, 0, 0);
        }

        /** A failure of one request that spent nothing the server counted. */
        public static Failed ofAttempt(FailureKind kind, String message, Optional<Duration> retryAfter) {
            return new Failed(kind, message, "", retryAfter, Usage.NONE, 0, 1);
        }

        @Override
        public Failed withSpending(Usage usage, double cost, int attempts) {
            return new Failed(kind, message, partialText, retryAfter, usage, cost, attempts);
        }
    }

    private static void checkSpending(double cost, int attempts) {
        if (!(cost >= 0) || Double.isInfinite(cost)) {
            throw new IllegalArgumentException("a cost must be a finite number of dollars, not negative, got " + cost);
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative, got " + attempts);
        }
    }
}
