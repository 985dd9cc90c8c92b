/**
 * Mutation prompts: assembled from parts (the task and its rules, the target's files, its
 * results and lineage, the agent's persona and memory, the best peers, people's suggestions, the
 * harness reference, the reply format), each held to a token budget so that a prompt never grows
 * past what the model takes, whatever the memory holds. The budget also bounds what a repair
 * round adds ({@link darwin.mutation.prompt.PromptBudget#repair()}), with the tools to fit long
 * text into it: {@link darwin.mutation.prompt.Tokens#clip} keeps a text's head and tail and marks
 * the cut, {@link darwin.mutation.prompt.Tokens#share} divides a budget among parts.
 *
 * <h2>Prompts in detail</h2>
 *
 * <p>{@code PromptBuilder} turns a {@code MutationTask} (core) into a system message (the agent's
 * persona and the reply format) and a user message in parts: the task and its rules (the budget,
 * the two objectives, that only {@code program/} may change), the harness API and DJL reference
 * ({@code darwin/mutation/harness-reference.md}, written for this purpose), the target's files, its
 * results and lineage, the agent's memory digest (deduplicated, most informative first), the best
 * peers and people's suggestions. The loop hands the lineage, the peers and the notes over as
 * records; {@code BriefingLines} words them (the newest six steps, each with its interval and
 * whether it is more than noise; each peer with its owners and figures). Each part has a token budget ({@code PromptBudget}; tokens are
 * estimated at four characters each) and is cut at a line end when it runs over, saying so; a
 * program file is never cut in the middle: one that does not fit is named and left out (the note
 * names ten at most), and may not be edited that round. The budget's {@code repair} part bounds
 * what a repair round adds to the first prompt (see the mutation step). When the task is one of
 * several of its agent's for the same target in the generation, the task part says which and asks
 * for the idea of that rank.
 */
package darwin.mutation.prompt;
