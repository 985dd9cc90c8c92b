package darwin.mutation.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.mutation.llm.Completion.Failed;
import darwin.mutation.llm.Completion.Replied;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryingClientTest {

    private static final Backoff QUICK = new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), 2, 0.5);

    /** Plays back outcomes, one per request, each with the spending of one attempt. */
    private static LlmClient script(Completion... outcomes) {
        Deque<Completion> queue = new ArrayDeque<>(List.of(outcomes));
        return request -> queue.isEmpty() ? Failed.before(FailureKind.UNEXPECTED, "script ran out") : queue.poll();
    }

    private static Failed failure(FailureKind kind, Optional<Duration> retryAfter) {
        return new Failed(kind, kind.name(), "", retryAfter, new Usage(1, 0), 0.01, 1);
    }

    private static CompletionRequest request(Duration deadline) {
        return ProviderSettings.of("openai", "m").request("a", "", "q", Deadline.after(deadline));
    }

    @Test
    void spendingIsSummedOverAttempts() {
        LlmClient client = new RetryingClient(script(failure(FailureKind.SERVER_ERROR, Optional.empty()),
                failure(FailureKind.CONNECTION, Optional.empty()),
                new Replied("ok", new Usage(5, 5), 0.1, FinishReason.STOP, 1)), 3, QUICK, new SplittableRandom(1));

        Replied replied = assertInstanceOf(Replied.class, client.complete(request(Duration.ofSeconds(5))));

        assertEquals(3, replied.attempts());
        assertEquals(new Usage(7, 5), replied.usage());
        assertEquals(0.12, replied.cost(), 1e-12);
    }

    @Test
    void whatRetriesCannotCureIsNotRetried() {
        LlmClient client = new RetryingClient(script(failure(FailureKind.AUTHENTICATION, Optional.empty()),
                new Replied("never", Usage.NONE, 0, FinishReason.STOP, 1)), 3, QUICK, new SplittableRandom(1));

        Failed failed = assertInstanceOf(Failed.class, client.complete(request(Duration.ofSeconds(5))));

        assertEquals(FailureKind.AUTHENTICATION, failed.kind());
        assertEquals(1, failed.attempts());
    }

    @Test
    void aWaitPastTheDeadlineIsNotBegun() {
        LlmClient client = new RetryingClient(script(failure(FailureKind.RATE_LIMITED, Optional.of(Duration.ofSeconds(60))),
                new Replied("never", Usage.NONE, 0, FinishReason.STOP, 1)), 3, QUICK, new SplittableRandom(1));

        long start = System.nanoTime();
        Failed failed = assertInstanceOf(Failed.class, client.complete(request(Duration.ofSeconds(5))));

        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2000, "it waited");
        assertEquals(FailureKind.RATE_LIMITED, failed.kind());
        assertTrue(failed.message().contains("would pass the deadline"), failed.message());
    }

    @Test
    void anInterruptedWaitEndsTheCall() {
        LlmClient client = new RetryingClient(script(failure(FailureKind.RATE_LIMITED, Optional.of(Duration.ofSeconds(3)))),
                3, QUICK, new SplittableRandom(1));
        Thread.currentThread().interrupt();
        try {
            Failed failed = assertInstanceOf(Failed.class, client.complete(request(Duration.ofSeconds(10))));
            assertEquals(FailureKind.INTERRUPTED, failed.kind());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept");
        } finally {
            Thread.interrupted();
        }
    }
}
