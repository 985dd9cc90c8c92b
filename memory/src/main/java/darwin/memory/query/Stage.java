package darwin.memory.query;

import darwin.core.EvaluationStatus;
import darwin.core.ProposalStatus;
import java.util.Locale;

/**
 * How far an attempt got, read from its status. The stages are nested: an attempt that trained
 * also compiled, so the shares of {@link AttemptStats} never grow along the way.
 *
 * <ul>
 *   <li>{@link #NO_PROGRAM}: no program came of the proposal — {@code LLM_FAILED}, {@code UNPARSABLE},
 *       {@code EDITS_DID_NOT_APPLY}, {@code REQUEST_ONLY}, {@code COST_CAP}, {@code NOTHING_TO_PROPOSE},
 *       and any status this darwin does not know;
 *   <li>{@link #DID_NOT_COMPILE}: a program was written but did not compile — {@code DOES_NOT_COMPILE}
 *       (in the mutation step, after its repair rounds) or {@code COMPILE_ERROR} (in the sandbox);
 *   <li>{@link #COMPILED}: the program compiled but was not measured — {@code PROPOSED} (not yet
 *       evaluated), {@code RUNTIME_ERROR}, {@code TIMEOUT}, {@code OUT_OF_MEMORY}, {@code DIVERGED},
 *       {@code VIOLATION} (the mutation step compiles every variant it proposes, so a failure in
 *       training is a failure of a compiled program);
 *   <li>{@link #TRAINED}: {@code OK}, trained within the budget and measured.
 * </ul>
 */
public enum Stage {
    NO_PROGRAM,
    DID_NOT_COMPILE,
    COMPILED,
    TRAINED;

    /** The stage of a stored status: an evaluation status or a proposal status, in any case. */
    public static Stage of(String status) {
        String name = status.strip().toUpperCase(Locale.ROOT);
        for (EvaluationStatus evaluation : EvaluationStatus.values()) {
            if (evaluation.name().equals(name)) {
                return of(evaluation);
            }
        }
        for (ProposalStatus proposal : ProposalStatus.values()) {
            if (proposal.name().equals(name)) {
                return of(proposal);
            }
        }
        return NO_PROGRAM;
    }

    static Stage of(EvaluationStatus status) {
        return switch (status) {
            case OK -> TRAINED;
            case COMPILE_ERROR -> DID_NOT_COMPILE;
            case RUNTIME_ERROR, TIMEOUT, OUT_OF_MEMORY, DIVERGED, VIOLATION -> COMPILED;
        };
    }

    static Stage of(ProposalStatus status) {
        return switch (status) {
            case PROPOSED -> COMPILED;
            case DOES_NOT_COMPILE -> DID_NOT_COMPILE;
            case LLM_FAILED, UNPARSABLE, EDITS_DID_NOT_APPLY, REQUEST_ONLY, COST_CAP, NOTHING_TO_PROPOSE -> NO_PROGRAM;
        };
    }

    /** Whether a program came of it and compiled: {@link #COMPILED} or {@link #TRAINED}. */
    public boolean compiled() {
        return this == COMPILED || this == TRAINED;
    }

    /** Whether it trained and was measured: status {@code OK}. */
    public boolean trained() {
        return this == TRAINED;
    }
}
