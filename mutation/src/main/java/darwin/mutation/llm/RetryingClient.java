package darwin.mutation.llm;

import darwin.core.Sleeper;
import darwin.mutation.llm.Completion.Failed;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Sends a request again when it failed for a reason that may pass ({@link FailureKind#retryable()}),
 * up to a number of retries, and never past the request's deadline.
 *
 * <p>The wait before a retry is what the server asked for in {@code Retry-After}, when it said
 * (HTTP 429 and 503 usually do), else the {@link Backoff}'s, with jitter drawn from one seeded
 * source of randomness, so that a run with a seed waits the same. A wait that would end past the
 * deadline is not begun: the call ends at once with the last failure, which says so. Tokens, cost
 * and attempts of the returned outcome are summed over every attempt.
 *
 * <p>Concurrency: safe for concurrent calls; draws from the random source are serialised.
 *
 * <p>Time: the waits go through a {@link Sleeper} ({@link Sleeper#SYSTEM} unless a test gives
 * another), the deadline is read on the monotonic clock ({@link Deadline}).
 */
public final class RetryingClient implements LlmClient {

    private static final System.Logger LOG = System.getLogger(RetryingClient.class.getName());

    private final LlmClient delegate;
    private final int maxRetries;
    private final Backoff backoff;
    private final RandomGenerator random;
    private final Sleeper sleeper;

    /**
     * @param delegate what sends one request
     * @param maxRetries how many times a request is sent again at most
     * @param backoff the waits between attempts when the server does not say
     * @param random the source of the jitter; seed it for reproducible waits
     */
    public RetryingClient(LlmClient delegate, int maxRetries, Backoff backoff, RandomGenerator random) {
        this(delegate, maxRetries, backoff, random, Sleeper.SYSTEM);
    }

    /**
     * A client that waits with {@code sleeper}: tests count the waits instead of spending them.
     *
     * @param sleeper waits before each retry
     */
    public RetryingClient(LlmClient delegate, int maxRetries, Backoff backoff, RandomGenerator random, Sleeper sleeper) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.random = Objects.requireNonNull(random, "random");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("retries must not be negative, got " + maxRetries);
        }
        this.maxRetries = maxRetries;
    }

    @Override
    public Completion complete(CompletionRequest request) {
        Usage usage = Usage.NONE;
        double cost = 0;
        int attempts = 0;
        for (int retry = 0; ; retry++) {
            Completion outcome = delegate.complete(request);
            usage = usage.plus(outcome.usage());
            cost += outcome.cost();
            attempts += outcome.attempts();
            if (!(outcome instanceof Failed failed) || !failed.kind().retryable()) {
                return outcome.withSpending(usage, cost, attempts);
            }
            if (retry >= maxRetries) {
                return note(failed, retry == 0 ? "" : " (gave up after " + attempts + " attempts)", usage, cost, attempts);
            }
            Duration wait = failed.retryAfter().isPresent() ? failed.retryAfter().get() : jittered(retry);
            Duration left = request.deadline().remaining();
            if (wait.compareTo(left) >= 0) {
                return note(failed, String.format(Locale.ROOT, " (no retry: %s before the next attempt would pass the deadline)",
                        seconds(wait)), usage, cost, attempts);
            }
            LOG.log(Level.INFO, "{0}; retrying in {1} (retry {2} of {3})", failed.message(), seconds(wait), retry + 1,
                    maxRetries);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Failed(FailureKind.INTERRUPTED, "interrupted while waiting to retry after: " + failed.message(),
                        "", Optional.empty(), usage, cost, attempts);
            }
        }
    }

    private Duration jittered(int retry) {
        synchronized (random) {
            return backoff.delay(retry, random);
        }
    }

    private static Failed note(Failed failed, String note, Usage usage, double cost, int attempts) {
        return new Failed(failed.kind(), failed.message() + note, failed.partialText(), failed.retryAfter(), usage, cost,
                attempts);
    }

    private static String seconds(Duration wait) {
        return String.format(Locale.ROOT, "%.1f s", wait.toMillis() / 1000.0);
    }
}
