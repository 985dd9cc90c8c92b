package darwin.mutation.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Sleeper;
import darwin.mutation.llm.Completion.Failed;
import darwin.mutation.llm.Completion.Replied;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Retries, their waits and the deadline, with a sleeper that records each wait instead of spending it. */
class RetryingClientTest {

    private static final Backoff QUICK = new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), 2, 0.5);

    /** Keeps every wait asked for and returns at once. */
    private static final class Waits implements Sleeper {
        final List<Duration> asked = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            asked.add(duration);
        }
    }

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

    /** Two retryable failures, then a reply. */
    private static LlmClient twoFailuresThenAReply() {
        return script(failure(FailureKind.SERVER_ERROR, Optional.empty()), failure(FailureKind.CONNECTION, Optional.empty()),
                new Replied("ok", new Usage(5, 5), 0.1, FinishReason.STOP, 1));
    }

    @Test
    void spendingIsSummedOverAttempts() {
        LlmClient client = new RetryingClient(twoFailuresThenAReply(), 3, QUICK, new SplittableRandom(1), new Waits());

        Replied replied = assertInstanceOf(Replied.class, client.complete(request(Duration.ofSeconds(5))));

        assertEquals(3, replied.attempts());
        assertEquals(new Usage(7, 5), replied.usage());
        assertEquals(0.12, replied.cost(), 1e-12);
    }

    @Test
    void theBackoffWaitsGrowWithJitterAndTheSameSeedWaitsTheSame() {
        Waits first = new Waits();
        Waits again = new Waits();
        new RetryingClient(twoFailuresThenAReply(), 3, QUICK, new SplittableRandom(1), first)
                .complete(request(Duration.ofSeconds(5)));
        new RetryingClient(twoFailuresThenAReply(), 3, QUICK, new SplittableRandom(1), again)
                .complete(request(Duration.ofSeconds(5)));

        assertEquals(2, first.asked.size(), "one wait before each retry");
        assertEquals(first.asked, again.asked);
        for (int retry = 0; retry < 2; retry++) {
            Duration full = Duration.ofMillis(1L << retry); // 1 ms, then 2 ms
            Duration wait = first.asked.get(retry);
            assertTrue(wait.compareTo(full) <= 0 && wait.compareTo(full.dividedBy(2)) >= 0,
                    "retry " + retry + " waits between half and all of " + full + ": " + wait);
        }
    }

    @Test
    void theWaitIsWhatTheServerAskedFor() {
        Waits waits = new Waits();
        LlmClient client = new RetryingClient(script(failure(FailureKind.RATE_LIMITED, Optional.of(Duration.ofSeconds(7))),
                new Replied("ok", Usage.NONE, 0, FinishReason.STOP, 1)), 3, QUICK, new SplittableRandom(1), waits);

        assertInstanceOf(Replied.class, client.complete(request(Duration.ofSeconds(60))));

        assertEquals(List.of(Duration.ofSeconds(7)), waits.asked, "Retry-After, not the backoff");
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
        Waits waits = new Waits();
        LlmClient client = new RetryingClient(script(failure(FailureKind.RATE_LIMITED, Optional.of(Duration.ofSeconds(60))),
                new Replied("never", Usage.NONE, 0, FinishReason.STOP, 1)), 3, QUICK, new SplittableRandom(1), waits);

        Failed failed = assertInstanceOf(Failed.class, client.complete(request(Duration.ofSeconds(5))));

        assertEquals(List.of(), waits.asked, "no wait begun");
        assertEquals(FailureKind.RATE_LIMITED, failed.kind());
        assertTrue(failed.message().contains("would pass the deadline"), failed.message());
    }

    @Test
    void anInterruptedWaitEndsTheCall() {
        List<Duration> begun = new ArrayList<>();
        Sleeper interrupted = duration -> {
            begun.add(duration);
            throw new InterruptedException("interrupted while sleeping"); // as Thread.sleep does, with the flag cleared
        };
        LlmClient client = new RetryingClient(script(failure(FailureKind.RATE_LIMITED, Optional.of(Duration.ofSeconds(3))),
                new Replied("never", Usage.NONE, 0, FinishReason.STOP, 1)), 3, QUICK, new SplittableRandom(1), interrupted);
        try {
            Failed failed = assertInstanceOf(Failed.class, client.complete(request(Duration.ofSeconds(10))));
            assertEquals(FailureKind.INTERRUPTED, failed.kind());
            assertEquals(1, failed.attempts(), "no attempt after the interrupt");
            assertEquals(List.of(Duration.ofSeconds(3)), begun);
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    @Timeout(30)
    void theSystemSleeperEndsAtOnceOnAnInterruptedThread() {
        LlmClient client = new RetryingClient(script(failure(FailureKind.RATE_LIMITED, Optional.of(Duration.ofDays(1)))),
                3, QUICK, new SplittableRandom(1));
        Thread.currentThread().interrupt();
        try {
            Failed failed = assertInstanceOf(Failed.class, client.complete(request(Duration.ofDays(2))));
            assertEquals(FailureKind.INTERRUPTED, failed.kind(), "the day's wait was not begun");
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept");
        } finally {
            Thread.interrupted();
        }
    }
}
