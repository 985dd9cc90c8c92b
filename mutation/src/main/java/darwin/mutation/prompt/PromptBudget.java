package darwin.mutation.prompt;

/**
 * The token budget of each part of a prompt. The defaults leave room for the whole seed program
 * and a reply within a 32k-token context.
 *
 * @param task the task, objective and rules
 * @param files the target variant's mutable files
 * @param results the target's results and lineage
 * @param persona the agent's persona and memory digest
 * @param peers the best peers' results
 * @param suggestions people's suggestions
 * @param reference the harness API and DJL reference
 */
public record PromptBudget(int task, int files, int results, int persona, int peers, int suggestions, int reference) {

    public static final PromptBudget DEFAULT = new PromptBudget(1_000, 12_000, 1_200, 2_000, 600, 600, 1_800);

    public PromptBudget {
        if (task < 100 || files < 500 || results < 50 || persona < 50 || peers < 0 || suggestions < 0 || reference < 0) {
            throw new IllegalArgumentException("prompt budgets are too small to hold their parts: " + this);
        }
    }

    public int total() {
        return task + files + results + persona + peers + suggestions + reference;
    }
}
