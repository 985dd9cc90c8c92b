package darwin.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.memory.ledger.EndpointPaused;
import darwin.memory.ledger.EndpointResumed;
import darwin.memory.ledger.EndpointStopped;
import darwin.memory.ledger.LedgerEntry;
import darwin.memory.ledger.LedgerEvents;
import darwin.memory.ledger.LlmOutage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a run's LLM endpoint stands by the run's {@link LlmOutage} events: answering,
 * paused since a time (proposals wait for it), or stopped (the run stopped for it), and how many
 * outages the run has seen.
 *
 * @param state {@code answering}, {@code paused} or {@code stopped}
 * @param since when the last event happened (empty when there was none)
 * @param reason what the last pause or stop found
 * @param outages how many times the run paused for the endpoint
 */
record EndpointState(String state, Optional<Instant> since, String reason, int outages) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** The state after {@code entries} (a run's ledger, in order). */
    static EndpointState of(List<LedgerEntry> entries) {
        List<LedgerEntry> events = LedgerEvents.entries(entries, LlmOutage.class);
        int outages = (int) events.stream().filter(e -> e.event() instanceof EndpointPaused).count();
        if (events.isEmpty()) {
            return new EndpointState("answering", Optional.empty(), "", 0);
        }
        LedgerEntry last = events.getLast();
        Optional<Instant> at = Optional.of(last.time());
        return switch ((LlmOutage) last.event()) {
            case EndpointPaused paused -> new EndpointState("paused", at, paused.reason(), outages);
            case EndpointResumed resumed -> new EndpointState("answering", at, "", outages);
            case EndpointStopped stopped -> new EndpointState("stopped", at, stopped.reason(), outages);
        };
    }

    /** One line for {@code darwin status}, or empty when the endpoint never stopped answering. */
    Optional<String> line(String dir) {
        String at = since.map(TIME::format).orElse("");
        return switch (state) {
            case "paused" -> Optional.of("LLM endpoint: not answering since " + at + " (" + reason
                    + "); new proposals are paused while training goes on");
            case "stopped" -> Optional.of("LLM endpoint: down past llm.outage-limit at " + at + " (" + reason
                    + "); the run stopped: darwin resume " + dir);
            default -> outages == 0 ? Optional.empty()
                    : Optional.of("LLM endpoint: answering (" + outages + (outages == 1 ? " outage" : " outages")
                            + " ridden out, the last ended " + at + ")");
        };
    }

    /** The state as JSON, for {@code darwin status --json}. */
    ObjectNode json(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode().put("state", state).put("outages", outages);
        since.ifPresent(t -> node.put("since", t.toString()));
        if (!reason.isEmpty()) {
            node.put("reason", reason);
        }
        return node;
    }
}
