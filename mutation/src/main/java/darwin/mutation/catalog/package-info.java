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
 */
package darwin.mutation.catalog;
