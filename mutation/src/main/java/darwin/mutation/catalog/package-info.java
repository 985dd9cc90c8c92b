/**
 * The offline catalog: real, known edits to the seed training program that a mutating agent can
 * propose with no LLM configured, through the same edit protocol an LLM's reply goes through.
 *
 * <p>Each {@link darwin.mutation.catalog.CatalogEntry} is one change that helped small GPTs train
 * faster or better (a tuned learning rate, β2 = 0.95, rotary positions, a ReLU² MLP, QK-norm, …)
 * or a real trade-off under a fixed time budget (width against depth, batch against context),
 * with honest reasoning and {@link darwin.core.Edit.Replace} SEARCH/REPLACE pairs against the
 * program's files. {@link darwin.mutation.catalog.CatalogMutator} picks an applicable entry not
 * yet tried on a lineage, weighted towards the mutating agent's interests, from one seeded source
 * of randomness.
 *
 * <p>Robustness: entries are written so that they still apply after other entries changed the
 * program. Code entries anchor on the smallest statement they change, and insert new methods
 * before a line no entry removes; constant changes never anchor on literals but rewrite the whole
 * {@code GptConfig.BABY} expression, computed from the current text ({@link
 * darwin.mutation.catalog.ConfigLine}), so that a learning-rate entry scales whatever the current
 * rate is. An entry whose anchor is gone, whose constant is not a plain literal, or whose change
 * would leave its bounds (a rate above the range worth trying) does not apply and is skipped;
 * applying an entry a second time is never possible.
 *
 * <p>{@link darwin.mutation.catalog.RequestAdvisor} is the offline side of the human in the loop:
 * from training curves and held-out history it asks for a larger budget or for more text.
 *
 * <h2>The offline catalog in detail</h2>
 *
 * <p>With no LLM configured, {@code darwin.mutation.catalog} proposes real, known edits through the
 * same edit protocol: each {@code CatalogEntry} is one change that helped small GPTs (learning rate
 * up or down, a 20-step warm-up, cosine decay to zero, β2 = 0.95, a weight-decay timescale,
 * dropout, rotary embeddings, ReLU², QK-norm, an untied head, zero and fan-in initialisation) or a
 * real trade-off under a fixed budget (batch against context, width against depth), with honest
 * reasoning, tags, and {@code Edit.Replace} pairs against {@code program/darwin/program/}.
 *
 * <ul>
 *   <li><b>Robust to earlier edits.</b> Code entries anchor on the smallest statement they change
 *       and insert methods before <code>private NDArray p(String name) &#123;</code>, which no
 *       entry removes. Constant changes never anchor on literals: {@code ConfigLine} reads the
 *       {@code GptConfig.BABY} expression argument by argument against the record's component names
 *       and rewrites the whole expression as it stands, so a learning-rate entry scales whatever
 *       the current rate is, and two entries that change the same line apply to each other's
 *       output.
 *   <li><b>Applies once.</b> An entry applies when every search text occurs exactly once in its
 *       file and its computed change stays within its bounds (a peak rate in [4e-4, 3e-3], 3 to 6
 *       layers, a context of 32 to 128); otherwise it is skipped, and no entry applies to its own
 *       output again.
 *   <li><b>Choice.</b> {@code CatalogMutator} draws one applicable entry not yet tried on the
 *       lineage, with weight 4 for entries whose tags the agent's persona names and 1 otherwise,
 *       from the caller's one random generator; with none left it says so
 *       ({@code CatalogOutcome.Exhausted}).
 *   <li><b>Requests.</b> {@code RequestAdvisor} asks people for more text ({@code DATASET}) when,
 *       over the last four evaluations, training loss fell by ≥ 1% while held-out loss rose ≥ 1%
 *       above its lowest, and otherwise for twice the budget ({@code BUDGET}) when the best
 *       variants' median training loss still fell ≥ 5% between 75% and 100% of the budget (means
 *       over 70–80% and 90–100%).
 * </ul>
 */
package darwin.mutation.catalog;
