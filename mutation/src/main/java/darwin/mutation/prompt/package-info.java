/**
 * Mutation prompts: assembled from parts (the task and its rules, the target's files, its
 * results and lineage, the agent's persona and memory, the best peers, people's suggestions, the
 * harness reference, the reply format), each held to a token budget so that a prompt never grows
 * past what the model takes, whatever the memory holds. The budget also bounds what a repair
 * round adds ({@link darwin.mutation.prompt.PromptBudget#repair()}), with the tools to fit long
 * text into it: {@link darwin.mutation.prompt.Tokens#clip} keeps a text's head and tail and marks
 * the cut, {@link darwin.mutation.prompt.Tokens#share} divides a budget among parts.
 */
package darwin.mutation.prompt;
