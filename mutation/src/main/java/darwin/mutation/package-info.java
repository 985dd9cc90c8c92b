/**
 * The creative step: a mutating agent receives another agent's variant and proposes edits that
 * should lower its held-out perplexity at the fixed budget or raise its MFU. This package holds
 * the mutator that runs one proposal end to end — prompt, reply, parsed change, applied edits,
 * compile check and repair rounds — and records every round.
 */
package darwin.mutation;
