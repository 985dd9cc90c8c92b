package darwin.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One mutation: a mutating agent's exchange with its LLM (or the offline catalog) about a target
 * variant, every round of it, and what came of it.
 *
 * @param agent the mutating agent
 * @param target the id of the target variant
 * @param status how it ended
 * @param reason one line on why it ended so
 * @param change the change finally proposed, when one was parsed
 * @param child the new variant, when {@link ProposalStatus#PROPOSED}
 * @param rounds every exchange: the first prompt, then each repair request, with the replies
 * @param inputTokens tokens sent, over all rounds
 * @param outputTokens tokens received, over all rounds
 * @param cost US dollars, over all rounds
 */
public record Proposal(
        String agent,
        String target,
        ProposalStatus status,
        String reason,
        Optional<Change> change,
        Optional<Variant> child,
        List<Round> rounds,
        long inputTokens,
        long outputTokens,
        double cost) {

    public Proposal {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        reason = EvaluationResult.oneLine(reason);
        change = Objects.requireNonNullElse(change, Optional.empty());
        child = Objects.requireNonNullElse(child, Optional.empty());
        rounds = List.copyOf(rounds);
        if (status.yieldsVariant() != child.isPresent()) {
            throw new IllegalArgumentException("a " + status + " proposal " + (child.isPresent() ? "has no" : "needs a") + " child");
        }
        if (inputTokens < 0 || outputTokens < 0 || cost < 0 || Double.isNaN(cost)) {
            throw new IllegalArgumentException("tokens and cost must not be negative");
        }
    }

    /**
     * One exchange of a proposal.
     *
     * @param number 0 for the first prompt, 1… for repair rounds
     * @param sent what was sent: the prompt, or the repair request with the diagnostics
     * @param reply the raw reply ({@code ""} when none came)
     * @param problem what was wrong with the reply ({@code ""} when nothing was)
     */
    public record Round(int number, String sent, String reply, String problem) {
        public Round {
            if (number < 0) {
                throw new IllegalArgumentException("round numbers start at 0");
            }
            sent = Objects.requireNonNullElse(sent, "");
            reply = Objects.requireNonNullElse(reply, "");
            problem = Objects.requireNonNullElse(problem, "");
        }
    }
}
