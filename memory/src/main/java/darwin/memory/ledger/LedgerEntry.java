package darwin.memory.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the ledger.
 *
 * @param id unique within the run and across runs: the sequence number and a random suffix
 * @param sequence 1 for the first event of the run, then one more per event
 * @param time when it was recorded
 * @param event what happened
 */
public record LedgerEntry(String id, long sequence, Instant time, LedgerEvent event) {

    public LedgerEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
        if (sequence < 1) {
            throw new IllegalArgumentException("ledger sequence numbers start at 1");
        }
    }

    /** The type its line names. */
    public EventType type() {
        return event.type();
    }
}
