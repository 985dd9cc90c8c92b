package darwin.memory.ledger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Optional;

/**
 * One event of a run's ledger: the {@code data} of a line, as a record. The family is closed, one
 * record (or a small sealed family of them) per {@link EventType}, so that every reader switches
 * over it exhaustively.
 *
 * <p>An event may have an identity: what makes a second event of its kind the same event (a
 * proposal's key, a generation's number). The ledger holds one event per kind and identity and
 * ignores a second append of it, so that a resumed run that does a step again records it once.
 */
public sealed interface LedgerEvent permits RunEvent, Proposed, Evaluation, Selected,
        NoiseFloorMeasured, RequestFiled, Decided, Suggested, LlmOutage, RungEvaluated, Promoted, ClusterJob {

    /** The type a line of this event names. */
    @JsonIgnore
    default EventType type() {
        return switch (this) {
            case RunEvent e -> EventType.RUN;
            case Proposed e -> EventType.PROPOSAL;
            case Evaluated e -> EventType.EVALUATION;
            case Replicated e -> EventType.REPLICATE;
            case ConfirmationEvaluated e -> EventType.CONFIRMATION;
            case Selected e -> EventType.SELECTION;
            case NoiseFloorMeasured e -> EventType.NOISE_FLOOR;
            case RequestFiled e -> EventType.REQUEST;
            case Decided e -> EventType.DECISION;
            case Suggested e -> EventType.SUGGESTION;
            case LlmOutage e -> EventType.LLM_OUTAGE;
            case RungEvaluated e -> EventType.RUNG;
            case Promoted e -> EventType.PROMOTION;
            case ClusterJob e -> EventType.JOB;
        };
    }

    /**
     * What makes another event of this kind the same event, or empty for an event that may happen
     * more than once (an outage, a failure of the harness that is tried again).
     */
    @JsonIgnore
    Optional<String> identity();
}
