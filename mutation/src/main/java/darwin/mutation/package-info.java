/**
 * The creative step: a mutating agent receives another agent's variant and proposes edits that
 * should lower its held-out perplexity at the fixed budget or raise its MFU. This package holds
 * the mutator that runs one proposal end to end — prompt, reply, parsed change, applied edits,
 * compile check and repair rounds — and records every round.
 *
 * <h2>The mutation step</h2>
 *
 * <p>Both mutators implement the {@code Mutator} port of {@code core} and end every proposal,
 * whatever happens, as a {@code Proposal}: a status ({@code PROPOSED}, {@code LLM_FAILED},
 * {@code UNPARSABLE}, {@code EDITS_DID_NOT_APPLY}, {@code DOES_NOT_COMPILE}, {@code REQUEST_ONLY},
 * {@code COST_CAP}, {@code NOTHING_TO_PROPOSE}), a reason, the change, the child variant when there
 * is one, every round sent and received, tokens and cost.
 *
 * <p>{@code LlmMutator} builds the prompt, asks the {@code LlmClient} (with the reply schema where
 * the provider supports structured output), parses the reply, applies the edits, and compiles the
 * result through {@code CompileCheck}. An unreadable reply, edits that do not apply, a reply cut
 * off by the token limit and a program that does not compile are each sent back with the problem,
 * up to {@code repairRounds} times. Compile repairs keep the applied edits and show the edited
 * files with the diagnostics, so the model answers with a small fix; the recorded change holds
 * every edit applied, and the child is always a child of the target.
 *
 * <p>Every repair round reaches the model. {@code Repairs} writes the first prompt again followed
 * by one repair section that says which round it is out of how many ("Repair round 2 of 2", the
 * last one saying so), lists what failed in each earlier round (one line each), and shows the
 * previous reply, what went wrong and, while edits stay applied, the diagnostics and the files as
 * they are now. So no two rounds of a proposal send the same message, even when the model repeats a
 * reply word for word; the request also carries its round ({@code CompletionRequest.repairRound}),
 * which is part of its cache key. Before, the repair for a repeated mistake was the message of the
 * round before, the reply cache answered it, and {@code repair-rounds: 2} gave one real second
 * chance. The section is held to its own budget ({@code PromptBudget.repair}, 6,000 tokens by
 * default): its fixed text first, the rest shared among the reply, the problem, the diagnostics and
 * the files ({@code Tokens.share}: short parts whole, long ones clipped to equal shares), and a
 * part over its share keeps its head and tail with the cut marked ({@code Tokens.clip}:
 * {@code [… 12,345 characters cut …]}). A 1 MB reply once made a 1.1 MB repair request; now a
 * repair request is the first prompt plus at most 6,000 tokens. Edits that do not apply on top of
 * edits that stay applied are asked for again with those files and diagnostics, rather than by
 * nesting one repair message in the next. Everything a repair message holds comes from what the
 * rounds recorded (a replayed cut-off reply included, with its original message), so a proposal
 * redone after a kill sends the messages it sent before, and the cache answers them.
 *
 * <p>A generation may pair the same agent with the same target in two slots. Those tasks are alike
 * in everything the prompt is built from, so the second prompt was the first, the cache answered
 * it, and the generation got the same proposal twice. {@code MutationTask.occurrence} (core) tells
 * them apart: {@code TaskBriefing.occurrence} counts, in slot order, which of the generation's
 * pairings of that agent with that target a slot is (the 2nd of 2), from the pairings alone, so a
 * resumed generation counts as the first run did. The prompt of a task that is not its agent's only
 * one for its target says so and asks for the idea of its own rank ("this is your 2nd. Propose the
 * idea you rank 2nd"): the slots run at the same time, so neither can see the other's reply, and
 * ranks are what a model can tell apart without it. Distinct prompts were chosen over reusing one
 * reply for both slots: reuse would either evaluate the same child twice or leave a slot empty,
 * while a second idea is what the pairing was drawn for. A task built without an occurrence
 * ({@code darwin mutate}, the tests) is its agent's only one.
 *
 * <p>{@code OfflineMutator} takes a catalog entry instead of a reply, through the same applier and
 * compile check, tags the change with {@code catalog:<entry>} so the lineage knows what it has been
 * through (it reads the entries tried from the tags of every {@code LineageStep} of its task, the
 * whole lineage the loop hands over, and proposes none of them again), and carries an upgrade request when its advisor (the caller's evidence fed to
 * {@code RequestAdvisor}) calls for one.
 */
package darwin.mutation;
