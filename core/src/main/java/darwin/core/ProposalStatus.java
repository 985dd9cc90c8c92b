package darwin.core;

/** How a proposal ended. Only {@link #PROPOSED} yields a variant to evaluate. */
public enum ProposalStatus {
    /** The edits applied and the new variant compiles. */
    PROPOSED,
    /** The LLM could not be reached or did not answer usefully (timeouts, errors, refusals). */
    LLM_FAILED,
    /** No reply could be parsed into a change, even after repair rounds. */
    UNPARSABLE,
    /** The edits did not apply to the target, even after repair rounds. */
    EDITS_DID_NOT_APPLY,
    /** The edited program did not compile, even after repair rounds. */
    DOES_NOT_COMPILE,
    /** The reply asked people for an upgrade and proposed no edit. */
    REQUEST_ONLY,
    /** The run's cost cap is reached: no more LLM calls. */
    COST_CAP,
    /** Nothing left to propose (the offline catalog has no applicable entry left). */
    NOTHING_TO_PROPOSE;

    public boolean yieldsVariant() {
        return this == PROPOSED;
    }
}
