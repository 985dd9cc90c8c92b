package darwin.mutation.prompt;

import darwin.core.LineageStep;
import darwin.core.MutationTask;
import java.util.List;
import java.util.Locale;

/**
 * The lines of a prompt that tell an agent what the loop found out about its task: the steps that
 * led to the target, each with its effect against the noise, the best peers with their figures,
 * and people's notes. The loop hands these over as records; their wording is the prompt's.
 */
final class BriefingLines {

    /** How many of the newest lineage steps a prompt shows. */
    static final int LINEAGE_LINES = 6;

    private BriefingLines() {}

    /** The newest {@value #LINEAGE_LINES} steps, newest first. */
    static List<String> lineage(List<LineageStep> steps) {
        return steps.stream().limit(LINEAGE_LINES).map(BriefingLines::step).toList();
    }

    /** Such as {@code gen 3, agent-2: rotary embeddings → perplexity -2.0% [-3.1%, -0.9%] (better beyond noise)}. */
    static String step(LineageStep step) {
        return "gen " + step.generation() + ", " + step.mutator() + ": " + step.summary() + " → " + effect(step.outcome());
    }

    /** A step's change of perplexity, with its interval and whether it is more than noise. */
    static String effect(LineageStep.Outcome outcome) {
        return switch (outcome) {
            case LineageStep.Outcome.Unmeasured u -> u.status();
            case LineageStep.Outcome.Measured m -> String.format(Locale.ROOT, "perplexity %+.1f%%", 100 * m.perplexity());
            case LineageStep.Outcome.Judged j -> "perplexity " + j.perplexity().percent() + " (" + switch (j.verdict()) {
                case BETTER -> "better beyond noise";
                case WORSE -> "worse beyond noise";
                case WITHIN_NOISE -> "within noise: no evidence either way";
            } + ")";
        };
    }

    /** Such as {@code 0123456789abcdef[agent-1, agent-3]: held-out loss 1.5 …}. */
    static String peer(MutationTask.Peer peer) {
        return peer.variant() + peer.owners() + ": " + peer.metrics().map(PromptBuilder::describe).orElse("");
    }

    /** Such as {@code gen 4: approved, with more text}. */
    static String note(MutationTask.Note note) {
        return "gen " + note.generation() + ": " + note.text();
    }
}
