package darwin.mutation.llm;

import java.time.Duration;

/**
 * Hears when the {@link CircuitBreaker} pauses calls to an endpoint that stopped answering, when it
 * lets them through again, and when it gives up. Called on the thread that found the change, with
 * the breaker's lock held: keep it short (print a line, append an event).
 */
public interface OutageListener {

    /** Hears nothing. */
    OutageListener NONE = new OutageListener() {
        @Override
        public void paused(String reason, Duration limit) {}

        @Override
        public void resumed(Duration outage) {}

        @Override
        public void stopped(Duration outage, String reason) {}
    };

    /**
     * Calls are paused: the endpoint failed a call and a check.
     *
     * @param reason the failure and the check's finding, one line
     * @param limit how long the breaker waits for the endpoint before it gives up
     */
    void paused(String reason, Duration limit);

    /** The endpoint answers again after {@code outage}; held calls are sent again. */
    void resumed(Duration outage);

    /** The endpoint did not answer within the limit: every call now ends in {@code MutatorUnavailableException}. */
    void stopped(Duration outage, String reason);
}
