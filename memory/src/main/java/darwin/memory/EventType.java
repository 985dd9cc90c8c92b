package darwin.memory;

/** The kinds of ledger events. */
public enum EventType {
    /** A run started, resumed or stopped. */
    RUN,
    /** A mutation proposal ended (whatever its status). */
    PROPOSAL,
    /** An evaluation ended. */
    EVALUATION,
    /** A generation's selection: who survives, who owns what. */
    SELECTION,
    /** An agent asked people for an upgrade. */
    REQUEST,
    /** People decided on a request. */
    DECISION,
    /** People wrote a suggestion. */
    SUGGESTION,
    /** The seed's replicates at the start of a run gave its noise floor. */
    NOISE_FLOOR,
    /** A variant was measured again with a fresh seed (the noise floor, racing). */
    REPLICATE,
    /** A variant and the seed were measured again, interleaved, to confirm a gain. */
    CONFIRMATION,
    /** The LLM endpoint stopped answering (proposals paused), answered again, or stayed down past the limit. */
    LLM_OUTAGE
}
