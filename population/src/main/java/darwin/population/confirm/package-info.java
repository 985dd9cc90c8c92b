/**
 * Confirming a run's headline: the best variant and the seed measured again, one at a time on
 * one slot, seed and variant in turn, each with a fresh evaluation seed, and the change of each
 * objective reported with its 95% interval ({@link darwin.population.confirm.Confirmation}). A
 * single draw per variant ranks a population; it cannot say by how much the winner beats the seed,
 * because the winner is the luckiest draw of many on a host whose speed swings.
 *
 * <p>{@link darwin.population.confirm.Standings} is the one place that reads from a ledger what
 * each variant measured at a budget and which variant is best, for the run's summary and for
 * {@code darwin confirm} alike.
 *
 * <h2>Confirmed gains in detail</h2>
 *
 * <p>A run measures each variant once, on the run's evaluation seed, and ranks them by that one
 * draw. The draw moves by a few percent with the seed's initialisation and batches, and the host's
 * speed swings by up to 2× with whatever else it runs (which moves MFU, and under a time budget the
 * tokens trained and so the loss). The best of many single draws is therefore biased towards luck:
 * a run whose mutator changed nothing can still report a "best" 50% better than the seed. The run's
 * headline is instead a <i>confirmed</i> gain ({@code darwin.population.confirm}):
 *
 * <ul>
 *   <li><b>Which variant.</b> {@code Standings} reads the ledger's {@code EVALUATION} and
 *       {@code REPLICATE} events at the budget in force at the end (the configured one raised by
 *       applied {@code BUDGET} requests), one per (variant, seed), and takes the lowest mean
 *       held-out loss; the run's summary and {@code darwin confirm} both choose there.
 *       {@code CONFIRMATION} events are left out: they belong to the confirmation.
 *   <li><b>Interleaved, one at a time.</b> {@code Confirmation} evaluates seed, variant, seed,
 *       variant, … on the calling thread, so the two share one slot and alternate through the same
 *       moments of the host: a slow spell, a neighbour's job or a warm cache falls on both instead
 *       of on whichever ran then. Measuring all of one and then all of the other would turn the
 *       host's drift into a difference.
 *   <li><b>Fresh seeds.</b> Pair i trains both sides with seed i of
 *       {@code Confirmation.seeds(base, n)}, a SplitMix-style mix of the run's seed, a purpose
 *       constant and i, kept in the range of an {@code int} (the engine's seed) and never the run's
 *       seed itself. The variant was chosen <i>because</i> of its draws on the run's seeds (the
 *       first evaluation's and the replicates'); measuring it there again would measure that luck
 *       again (and the result cache would only hand the same draws back). Both sides of a pair
 *       share a seed, so neither gets the easier batches.
 *   <li><b>Log scale.</b> Held-out loss is the log of perplexity, and MFU is compared as its log.
 *       There the noise is relative and about the same for every variant, a difference of means is
 *       a ratio, and {@code Interval.relative} ({@code exp(x) − 1}) turns the difference and its
 *       bounds into a relative change that stays above −100%.
 *   <li><b>Paired.</b> The two evaluations of pair i share a seed and follow each other on one
 *       slot, so the seed's draw and the host's speed at that moment move both alike. The interval
 *       is Student's t over the pairs' differences (variant − seed), with n − 1 degrees of freedom
 *       for the n pairs in which both sides worked: a slow spell that halves both speeds of a pair
 *       leaves their ratio as it was, where two samples compared as such would count it as noise
 *       ({@code whatASeedAndAMomentDoToBothSidesOfAPairCancels}). With fewer than two such pairs
 *       the interval is the two samples' pooled spread ({@code Noise.pooled(a, b).difference(a, b,
 *       0.95)}, n_s + n_v − 2 degrees of freedom). The test checks that a null change is covered
 *       in 92–98% of a thousand seeded trials.
 *   <li><b>Failures.</b> Only {@code OK} results with a finite loss and a positive MFU count. With
 *       fewer than two of a side there is no interval: the result is {@code Unconfirmed}, naming
 *       how many of each worked and the first failures' reasons, and it stops as soon as a side can
 *       no longer reach two.
 *   <li><b>Resume.</b> Each evaluation is appended to the ledger as a {@code CONFIRMATION} event
 *       (the shape of an {@code EVALUATION}, with {@code "harnessFailure": true} when the harness
 *       itself failed) once by (variant, budget, seed), a failure of the harness again once it
 *       worked (a line without the flag, as written before it existed, is one when its reason
 *       begins with "the harness failed: "); the result cache answers what was trained before, so a
 *       stopped confirmation, or one asked again with a larger {@code repeat}, trains only what is
 *       new. The gain goes into {@code run.json} ({@code RunState.withConfirmed}, atomically);
 *       {@code darwin resume} of a finished run whose best has no confirmed gain yet confirms it.
 * </ul>
 *
 * <p>{@code ConfirmedGain.significant()} is the whole perplexity interval below 0. With three
 * evaluations a side and the seed's noise of about 1% the interval is a few percent wide;
 * {@code confirm.repeat} narrows it as 1/√n.
 */
package darwin.population.confirm;
