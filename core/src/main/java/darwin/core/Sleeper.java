package darwin.core;

import java.time.Duration;

/**
 * Waits: what a class that polls or backs off calls instead of {@link Thread#sleep}, so that a
 * test can give it a sleeper that returns at once, counts the waits or blocks on a latch, and
 * never depends on how long the machine takes. Production code uses {@link #SYSTEM}.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on this thread's clock: {@link Thread#sleep(Duration)}. */
    Sleeper SYSTEM = Thread::sleep;

    /**
     * Waits for {@code duration}, or less when interrupted.
     *
     * @throws InterruptedException when the thread is interrupted before or during the wait
     */
    void sleep(Duration duration) throws InterruptedException;
}
