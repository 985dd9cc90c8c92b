package darwin.memory.ledger;

/**
 * The kinds of ledger events, as the {@code type} of a line names them, each with the record (or
 * sealed family of records) its {@code data} reads as.
 */
public enum EventType {
    /** A run started or ended. */
    RUN(RunEvent.class),
    /** A mutation proposal ended (whatever its status). */
    PROPOSAL(Proposed.class),
    /** An evaluation ended. */
    EVALUATION(Evaluated.class),
    /** A generation's selection: who survives, who owns what. */
    SELECTION(Selected.class),
    /** An agent asked people for an upgrade. */
    REQUEST(RequestFiled.class),
    /** People decided on a request, or an approved request was applied or failed. */
    DECISION(Decided.class),
    /** People wrote a suggestion. */
    SUGGESTION(Suggested.class),
    /** The seed's replicates at the start of a run gave its noise floor. */
    NOISE_FLOOR(NoiseFloorMeasured.class),
    /** A variant was measured again with a fresh seed (the noise floor, racing). */
    REPLICATE(Replicated.class),
    /** A variant and the seed were measured again, interleaved, to confirm a gain. */
    CONFIRMATION(ConfirmationEvaluated.class),
    /** The LLM endpoint stopped answering (proposals paused), answered again, or stayed down past the limit. */
    LLM_OUTAGE(LlmOutage.class),
    /** A child was trained at a rung below the full budget: a prediction, never a fitness. */
    RUNG(RungEvaluated.class),
    /** A rung of a generation closed: who was promoted to the next. */
    PROMOTION(Promoted.class),
    /** An evaluation's batch job on a cluster was submitted, ran again, or finished with its result. */
    JOB(ClusterJob.class);

    private final Class<? extends LedgerEvent> shape;

    EventType(Class<? extends LedgerEvent> shape) {
        this.shape = shape;
    }

    /** The record, or the sealed family of records, that an event of this type's {@code data} reads as. */
    Class<? extends LedgerEvent> shape() {
        return shape;
    }
}
