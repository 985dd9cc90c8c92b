package darwin.mutation.llm;

import darwin.core.MutatorUnavailableException;
import darwin.core.text.Durations;
import darwin.mutation.llm.Completion.Failed;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Rides out an outage of the LLM endpoint: calls wait for it instead of failing one after another,
 * and a call that failed because of it is sent again once it answers, so no proposal is lost to it.
 *
 * <p>States: <b>closed</b> (calls pass), <b>open</b> (calls wait), <b>stopped</b> (calls throw). A
 * call that failed, after its retries, for a reason that may be the endpoint's (no connection, a
 * server error, a page that is not the API's JSON, no answer in time) makes the breaker check the
 * endpoint at once ({@link EndpointProbe#reachable}: its model listing, no tokens); when the check
 * finds it down too, the breaker opens: the failed call and every new one wait, one of them checks
 * again with backoff (2 s doubling to 60 s, jittered), and the first check that gets an answer
 * closes the breaker: the waiting calls are sent again, each with a fresh deadline as long as it
 * had at first. When the check finds the endpoint answering, the failure was the call's own, and
 * it is returned as it is. If the endpoint stays down for the limit, the breaker stops: waiting
 * and later calls throw {@link MutatorUnavailableException}, which the run turns into a clean,
 * resumable stop. Nothing is recorded as an agent's failure meanwhile.
 *
 * <p>Position: inside the cost cap (a call's attempts before and after an outage are booked as one
 * call) and outside the retries (a retried call is one failure here).
 *
 * <p>Concurrency: one lock; checks while closed run under it, so that calls failing together check
 * once; the backoff's sleeps do not hold it. The listener is called with the lock held.
 */
public final class CircuitBreaker implements LlmClient {

    /** The waits between checks while the breaker is open. */
    public static final Backoff CHECKS = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), 2.0, 0.25);

    private static final Set<FailureKind> ENDPOINT = EnumSet.of(FailureKind.CONNECTION, FailureKind.SERVER_ERROR,
            FailureKind.NOT_JSON, FailureKind.TIMEOUT);

    private enum State { CLOSED, OPEN, STOPPED }

    private final LlmClient delegate;
    private final Supplier<EndpointStatus> probe;
    private final Duration limit;
    private final Backoff backoff;
    private final RandomGenerator random;
    private final OutageListener listener;
    private final String where;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private State state = State.CLOSED;
    private boolean checking;
    private int checks;
    private long openedAt;
    private String reason = "";

    /**
     * @param delegate what sends a call, with its retries
     * @param probe checks the endpoint ({@link EndpointProbe#reachable})
     * @param limit how long the endpoint may stay down before the breaker stops
     * @param backoff the waits between checks while open
     * @param random the source of the backoff's jitter
     * @param listener hears pauses, resumptions and the stop
     * @param where the endpoint, for messages (provider, model, address)
     */
    public CircuitBreaker(LlmClient delegate, Supplier<EndpointStatus> probe, Duration limit, Backoff backoff,
            RandomGenerator random, OutageListener listener, String where) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.random = Objects.requireNonNull(random, "random");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.where = Objects.requireNonNull(where, "where");
        if (limit.isNegative()) {
            throw new IllegalArgumentException("an outage limit must not be negative, got " + limit);
        }
    }

    @Override
    public Completion complete(CompletionRequest request) {
        Duration length = request.deadline().remaining();
        CompletionRequest current = request;
        Usage usage = Usage.NONE;
        double cost = 0;
        int attempts = 0;
        while (true) {
            try {
                awaitAnswering();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Failed(FailureKind.INTERRUPTED, "interrupted while waiting for the endpoint to answer again", "",
                        java.util.Optional.empty(), usage, cost, attempts);
            }
            Completion outcome = delegate.complete(current);
            usage = usage.plus(outcome.usage());
            cost += outcome.cost();
            attempts += outcome.attempts();
            if (!(outcome instanceof Failed failed) || !ENDPOINT.contains(failed.kind()) || !down(failed)) {
                return outcome.withSpending(usage, cost, attempts);
            }
            current = request.withDeadline(Deadline.after(length));
        }
    }

    /** Whether the breaker is open now: calls wait for the endpoint. */
    public boolean paused() {
        lock.lock();
        try {
            return state == State.OPEN;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the endpoint is down after {@code failure}: checks it when closed, opening the breaker if so. */
    private boolean down(Failed failure) {
        lock.lock();
        try {
            if (state != State.CLOSED) {
                return true;
            }
            EndpointStatus status = probe.get();
            if (status.answers()) {
                return false;
            }
            state = State.OPEN;
            openedAt = System.nanoTime();
            checks = 0;
            reason = failure.message() + "; a check found it down too: " + status.detail();
            listener.paused(reason, limit);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Returns when the breaker is closed; while it is open, one waiting caller checks with backoff. */
    private void awaitAnswering() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (state == State.OPEN) {
                if (checking) {
                    changed.await();
                    continue;
                }
                checking = true;
                try {
                    checkOnce();
                } finally {
                    checking = false;
                    changed.signalAll();
                }
            }
            if (state == State.STOPPED) {
                throw new MutatorUnavailableException(stopMessage());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits the backoff (without the lock), checks, and closes or stops the breaker. Holds the lock on entry and exit. */
    private void checkOnce() throws InterruptedException {
        long left = limit.toNanos() - (System.nanoTime() - openedAt);
        long delay;
        synchronized (random) { // shared with the retries' jitter
            delay = backoff.delay(Math.min(checks, 30), random).toNanos();
        }
        long wait = Math.max(0, Math.min(delay, left));
        checks++;
        EndpointStatus status;
        lock.unlock();
        try {
            TimeUnit.NANOSECONDS.sleep(wait);
            status = probe.get();
        } finally {
            lock.lock();
        }
        Duration outage = Duration.ofNanos(System.nanoTime() - openedAt);
        if (status.answers()) {
            state = State.CLOSED;
            listener.resumed(outage);
        } else if (outage.compareTo(limit) >= 0) {
            state = State.STOPPED;
            reason = status.detail();
            listener.stopped(outage, reason);
        }
    }

    private String stopMessage() {
        return "the LLM endpoint (" + where + ") has not answered for " + Durations.words(limit) + " (llm.outage-limit); last: "
                + reason + ". The run stopped without charging any agent; continue it with darwin resume once the"
                + " endpoint answers";
    }

}
