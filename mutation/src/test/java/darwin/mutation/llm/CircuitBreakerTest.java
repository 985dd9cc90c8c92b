package darwin.mutation.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.MutatorUnavailableException;
import darwin.mutation.llm.Completion.Failed;
import darwin.mutation.llm.Completion.Replied;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The breaker with a scripted endpoint: a switch says whether it is up. */
@Timeout(30)
class CircuitBreakerTest {

    private static final Backoff FAST = new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), 2, 0);

    /** An endpoint that replies while up and fails to connect while down, and counts what it was sent. */
    private static final class Endpoint implements LlmClient {
        final AtomicBoolean up = new AtomicBoolean(true);
        final AtomicInteger sent = new AtomicInteger();
        final ConcurrentLinkedQueue<Duration> deadlines = new ConcurrentLinkedQueue<>();

        @Override
        public Completion complete(CompletionRequest request) {
            sent.incrementAndGet();
            deadlines.add(request.deadline().remaining());
            return up.get() ? new Replied("reply", new Usage(10, 5), 0.01, FinishReason.STOP, 1)
                    : new Failed(FailureKind.CONNECTION, "cannot reach the server: ConnectException", "", Optional.empty(),
                            Usage.NONE, 0, 4);
        }

        Supplier<EndpointStatus> probe() {
            return () -> up.get() ? new EndpointStatus.Answering("lists the model")
                    : new EndpointStatus.Down("cannot reach the server");
        }
    }

    private static CompletionRequest request(Duration deadline) {
        return new CompletionRequest("agent-a", "", "Make it faster.", "m", 0.2, 64, Optional.empty(), Deadline.after(deadline));
    }

    private static CircuitBreaker breaker(Endpoint endpoint, Supplier<EndpointStatus> probe, Duration limit, HeardOutages heard) {
        return new CircuitBreaker(endpoint, probe, limit, FAST, new SplittableRandom(1), heard, "openai m at loopback");
    }

    @Test
    void aFailureOfTheCallsOwnIsReturnedWhenTheEndpointAnswers() {
        Endpoint endpoint = new Endpoint();
        endpoint.up.set(false);
        HeardOutages heard = new HeardOutages();
        // the check finds the endpoint answering: the failure is this call's
        Completion completion = breaker(endpoint, () -> new EndpointStatus.Answering("lists it"), Duration.ofMinutes(1), heard)
                .complete(request(Duration.ofMinutes(1)));
        Failed failed = assertInstanceOf(Failed.class, completion);
        assertEquals(FailureKind.CONNECTION, failed.kind());
        assertEquals(List.of(), heard.events);
        assertEquals(1, endpoint.sent.get());
    }

    @Test
    void aCallLostToAnOutageIsSentAgainWhenTheEndpointComesBack() throws Exception {
        Endpoint endpoint = new Endpoint();
        HeardOutages heard = new HeardOutages();
        CircuitBreaker breaker = breaker(endpoint, endpoint.probe(), Duration.ofMinutes(1), heard);
        endpoint.up.set(false);
        CompletableFuture<Completion> first = CompletableFuture.supplyAsync(() -> breaker.complete(request(Duration.ofSeconds(5))));
        while (!breaker.paused()) {
            Thread.sleep(5);
        }
        // a call made while paused waits, sending nothing
        int sentWhilePaused = endpoint.sent.get();
        CompletableFuture<Completion> second = CompletableFuture.supplyAsync(() -> breaker.complete(request(Duration.ofSeconds(5))));
        Thread.sleep(200);
        assertEquals(sentWhilePaused, endpoint.sent.get());
        assertTrue(!second.isDone());
        endpoint.up.set(true);
        Replied one = assertInstanceOf(Replied.class, first.get(10, TimeUnit.SECONDS));
        Replied two = assertInstanceOf(Replied.class, second.get(10, TimeUnit.SECONDS));
        assertEquals(5, one.attempts(), "4 failed attempts before the outage, 1 after");
        assertEquals(1, two.attempts());
        assertEquals(List.of("paused", "resumed"), heard.events);
        assertEquals(3, endpoint.sent.get());
        // the call sent again had a fresh deadline of its first length
        assertTrue(endpoint.deadlines.stream().allMatch(d -> d.compareTo(Duration.ofSeconds(4)) > 0), endpoint.deadlines::toString);
    }

    @Test
    void anEndpointDownPastTheLimitStopsEveryCall() throws Exception {
        Endpoint endpoint = new Endpoint();
        endpoint.up.set(false);
        HeardOutages heard = new HeardOutages();
        CircuitBreaker breaker = breaker(endpoint, endpoint.probe(), Duration.ofMillis(300), heard);
        long start = System.nanoTime();
        MutatorUnavailableException stopped = assertThrows(MutatorUnavailableException.class,
                () -> breaker.complete(request(Duration.ofSeconds(5))));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
        assertTrue(stopped.getMessage().contains("darwin resume"), stopped.getMessage());
        assertTrue(stopped.getMessage().contains("llm.outage-limit"), stopped.getMessage());
        assertEquals(List.of("paused", "stopped"), heard.events);
        int sent = endpoint.sent.get();
        endpoint.up.set(true);
        assertThrows(MutatorUnavailableException.class, () -> breaker.complete(request(Duration.ofSeconds(5))));
        assertEquals(sent, endpoint.sent.get(), "a stopped breaker sends nothing");
    }

    @Test
    void anInterruptedWaitEndsTheCallAsInterrupted() throws Exception {
        Endpoint endpoint = new Endpoint();
        endpoint.up.set(false);
        CircuitBreaker breaker = breaker(endpoint, endpoint.probe(), Duration.ofMinutes(5), new HeardOutages());
        CompletableFuture<Completion> call = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().start(() -> call.complete(breaker.complete(request(Duration.ofSeconds(5)))));
        while (!breaker.paused()) {
            Thread.sleep(5);
        }
        thread.interrupt();
        Failed failed = assertInstanceOf(Failed.class, call.get(5, TimeUnit.SECONDS));
        assertEquals(FailureKind.INTERRUPTED, failed.kind());
    }
}
