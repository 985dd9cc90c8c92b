/**
 * Mutation prompts: assembled from parts (the task and its rules, the target's files, its
 * results and lineage, the agent's persona and memory, the best peers, people's suggestions, the
 * harness reference, the reply format), each held to a token budget so that a prompt never grows
 * past what the model takes, whatever the memory holds.
 */
package darwin.mutation.prompt;
