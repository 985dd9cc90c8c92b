package darwin.mutation.prompt;

/**
 * The token budget of each part of a prompt. The defaults leave room for the whole seed program,
 * a repair round's section and a reply within a 32k-token context.
 *
 * @param task the task, objective and rules
 * @param files the target variant's mutable files
 * @param results the target's results and lineage
 * @param persona the agent's persona and memory digest
 * @param peers the best peers' results
 * @param suggestions people's suggestions
 * @param reference the harness API and DJL reference
 * @param repair what a repair round adds to the first prompt: which round it is, what failed
 *     before, the previous reply, what went wrong with it (the compiler's diagnostics included) and
 *     the files as the edits left them
 */
public record PromptBudget(int task, int files, int results, int persona, int peers, int suggestions, int reference,
        int repair) {

    public static final PromptBudget DEFAULT = new PromptBudget(1_000, 12_000, 1_200, 2_000, 600, 600, 1_800, 6_000);

    /** The smallest repair budget: room for the round's history and a useful piece of each part. */
    public static final int MIN_REPAIR = 1_000;

    public PromptBudget {
        if (task < 100 || files < 500 || results < 50 || persona < 50 || peers < 0 || suggestions < 0 || reference < 0
                || repair < MIN_REPAIR) {
            throw new IllegalArgumentException("prompt budgets are too small to hold their parts (at least 100 tokens for"
                    + " the task, 500 for the files, 50 for results and persona, " + MIN_REPAIR + " for a repair): " + this);
        }
    }

    /** The sum of the budgets of a first prompt's parts (the repair's left out). */
    public int total() {
        return task + files + results + persona + peers + suggestions + reference;
    }
}
