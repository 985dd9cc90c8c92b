package darwin.memory;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the ledger.
 *
 * @param id unique within the run and across runs: the sequence number and a random suffix
 * @param sequence 1 for the first event of the run, then one more per event
 * @param type what happened
 * @param time when it was recorded
 * @param data the event's own fields
 */
public record LedgerEntry(String id, long sequence, EventType type, Instant time, JsonNode data) {

    public LedgerEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (sequence < 1) {
            throw new IllegalArgumentException("ledger sequence numbers start at 1");
        }
    }
}
