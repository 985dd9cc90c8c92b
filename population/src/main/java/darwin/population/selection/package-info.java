/**
 * Selection: how fit a variant is, which variants survive a generation, who owns them afterwards,
 * and who mutates whom next, knowing how noisy the measurements are.
 *
 * <p>Fitness: a {@link darwin.population.selection.Fitness} holds every replicate of a variant's two
 * objectives, held-out perplexity (minimised) and MFU (maximised), or its failure. They are
 * compared on a log scale (held-out loss and log MFU), where the noise of a seed or a host is a
 * relative one, the same for every variant; {@code perplexity()} and {@code mfu()} are geometric
 * means. A failure dominates nothing and is dominated by every working variant; one failed
 * replicate makes the variant that failure.
 *
 * <p>Noise: a {@link darwin.population.selection.Significance} holds each objective's noise, pooled
 * over the seed's replicates (the noise floor) and every variant measured more than once, and a
 * margin. A mean is better only when it is better by more than the margin in standard errors of
 * the difference (Student's t at the noise's degrees of freedom); significant dominance needs one
 * objective significantly better and neither significantly worse. {@code Significance.NONE} (no
 * noise, margin 0) compares the means strictly, as selection did before replicates.
 *
 * <p>Strategies: a {@link darwin.population.selection.Selector} orders candidates, best first.
 * {@link darwin.population.selection.Nsga2} (the default) by front of significant dominance and
 * crowding distance, which {@link darwin.population.selection.ParetoFronts} computes with
 * Jenetics' {@code Pareto} ({@code jenetics.ext}); {@link darwin.population.selection.Weighted} by a
 * scale-free {@link darwin.population.selection.WeightedScore} relative to the seed, whose
 * differences are significant beyond the margin in delta-method standard errors.
 *
 * <p>Survival and ownership: {@link darwin.population.selection.Selector#select} keeps the elites,
 * fills the other places in the strategy's order, with current members ahead of the offspring they
 * are not separated from (a child takes a place from an incumbent only by more than the margin),
 * and gives every agent exactly one surviving variant; {@link darwin.population.selection.Survivors}
 * states the rules.
 *
 * <p>Racing: {@link darwin.population.selection.Racing} names the variants to measure again before
 * selecting, those whose places differ between the means alone and the margin, up to a cap on
 * replicates; the caller measures them, rebuilds their fitness and the significance, and asks
 * again until nothing is named.
 *
 * <p>Pairing: a {@link darwin.population.selection.Matchmaker} picks, for each offspring slot, a
 * target by binary tournament and a mutating agent that does not own it.
 *
 * <p>Randomness: every random choice, ties included, is drawn from the
 * {@link java.util.random.RandomGenerator} the caller passes in, so the same inputs and seed give
 * the same survivors, pairings and races. Nothing here keeps state between calls, and nothing uses
 * Jenetics' {@code Engine}, its {@code RandomRegistry} or its phenotype ages.
 *
 * <h2>Selection in detail</h2>
 *
 * <p>{@code darwin.population.selection} (module {@code population}). A {@code Fitness} is held-out
 * perplexity (minimised) and MFU (maximised), every replicate of them: one per evaluation of the
 * variant with a distinct seed, as the harness measured them ({@code Fitness.of(EvaluationResult)}
 * for one, {@code Fitness.of(List)} for several). A failure (any status but {@code OK}, or an
 * {@code OK} with a non-finite figure) dominates nothing and is dominated by every working variant;
 * a variant one of whose replicates failed is that failure (the first failed status in the order
 * given). A {@code Selector} is an order over candidates plus a number of elites, sealed:
 * {@code Nsga2} (the default, one elite) or {@code Weighted}.
 *
 * <ul>
 *   <li><b>Log scale.</b> Selection compares {@code loss()} (log perplexity, the held-out loss) and
 *       {@code logMfu()}, each a {@code darwin.core.stats.Sample} of the replicates. On a log scale
 *       the noise of a seed or a host is relative (seed to seed about 1% of perplexity, host speed
 *       30% and more of MFU) and about the same size for every variant, so one noise, learnt from
 *       the seed, serves all, and a difference of logs is a ratio. {@code perplexity()} and
 *       {@code mfu()} are the geometric means (exp of the mean log); one replicate gives back the
 *       figure measured, to the last bit. An MFU of 0 counts as {@code Fitness.MFU_FLOOR} (10⁻⁶) on
 *       the log scale, which has no log of 0; {@code mfu()} then reads 0.
 *   <li><b>Significance.</b> {@code Significance(Noise loss, Noise logMfu, double margin)}:
 *       {@code Significance.pooled(candidates, margin)} pools each objective's {@code Noise} over
 *       the replicates of every working variant, each about its own mean: the seed's replicates are
 *       the noise floor, every variant measured again adds its residuals. On one objective
 *       {@code a} is better than {@code b} only when its mean is better by more than the threshold
 *       in standard errors of the difference ({@code Noise.below}): the margin when the noise is
 *       well known, and Student's t quantile at the margin's one-sided confidence Φ(margin) with
 *       few degrees of freedom — for margin 2, 4.5 standard errors at 2 degrees of freedom (the
 *       seed's three replicates), 2.5 at 6, 2.1 at 30. A noise learnt from three replicates is too
 *       small as often as too large; at a flat 2 standard errors a child truly 1σ worse displaced
 *       its parent in 5.1% [4.7%, 5.6%] of 10 000 trials, at the t threshold in 1.6%. With no noise
 *       known, a margin above 0 separates nothing. <b>Significant dominance</b>: {@code a}
 *       dominates {@code b} when no objective of {@code b} is significantly better and at least one
 *       of {@code a} is. {@code Significance.NONE} (no noise, margin 0) is every strict difference
 *       of the means: the selection as it was before replicates, to the last bit (a test recomputes
 *       the old order from the raw figures).
 *   <li><b>NSGA-II.</b> {@code ParetoFronts} wraps Jenetics ({@code jenetics.ext},
 *       {@code io.jenetics.ext.moea.Pareto}): Deb's non-dominated sort through {@code Pareto.rank}
 *       with {@code Significance.dominance} as the relation (failures are no {@code Vec}, so they
 *       cannot take the {@code Vec} overload, and end up as one front after every working one), and
 *       {@code Pareto.crowdingDistance} on each working front's {@code Vec} of the geometric means
 *       (−perplexity, MFU): ends infinite, failures 0. Significant dominance is not transitive
 *       (steps each within the margin add up), which the sort does not need: it counts each
 *       candidate's direct dominators. It needs no cycles — a candidate on one would keep rank 0 —
 *       and with two objectives there are none (along a cycle, the steps significant on the loss
 *       would have to outweigh the steps that give loss back, and those significant on MFU
 *       likewise, which cannot both hold); {@code ParetoFronts} checks every ranking all the same.
 *       Order: front, then crowding distance, largest first, then lower perplexity. Jenetics'
 *       {@code NSGA2Selector} and {@code Engine} are not used: they select phenotypes and know no
 *       owners.
 *   <li><b>Weighted.</b> w_ppl · perplexity / seed's − w_mfu · MFU / seed's, lower first (weights 1
 *       and 1 by default); failures score +∞. The order is that of the scores of the geometric
 *       means; the noise enters through separation (see Survival). Two scores are separated when
 *       they differ by more than the threshold in standard errors of the difference, by the delta
 *       method (a geometric mean p over n replicates has standard error ≈ p · σ / √n), at the
 *       Welch–Satterthwaite degrees of freedom of the two noises.
 *   <li><b>Survival</b> ({@code Selector.select(members, offspring, size, significance, random)}).
 *       Elites: the best working current members, ranked among themselves, keep their places. The
 *       other places go in the order over parents and offspring together: whole fronts, then the
 *       largest crowding distances — except that <b>an offspring goes ahead of a current member
 *       only when the strategy separates the two</b> ({@code Selector.separated}: for NSGA-II an
 *       objective differs significantly; for the weighted strategy the scores do). Step by step the
 *       next place goes to the first candidate in the order that is a current member or an
 *       offspring separated from every member not yet placed, so a child replaces, dominates or
 *       passes an incumbent only by more than the margin, and the incumbent stays where the noise
 *       cannot tell the two apart. This errs towards the incumbents: a child significantly better
 *       than one member but indistinguishable from another, lower-ranked one waits behind both.
 *       Incumbents win what the noise cannot decide because a current member has already survived a
 *       selection and usually carries more replicates, because replacing it costs the run a lineage
 *       and its owner's memory of it, and because a child that is really better will show it again:
 *       the loop loses little by waiting and stops drifting on noise. Under
 *       {@code Significance.NONE} only an exact tie is not separated: the one change from before
 *       replicates is that an offspring that ties a current member exactly no longer wins half the
 *       shuffles. A failure takes no place while anything works; places left empty mean shared
 *       variants.
 *   <li><b>Promotion</b> ({@code Promotion(eta, significance).promoted(history, entrants)}), for a
 *       run with budget rungs: the cut is the held-out loss of the {@code ceil(n/eta)}-th best of
 *       the rung's n results so far (failures count in n, never pass); an entrant at or below it
 *       goes on, and so does one the cut does not beat beyond the noise ({@code lowerLoss}: a tie a
 *       short run cannot decide). With the noise unknown the tie is strict, since a margin with no
 *       noise to scale it would pass everyone. Only the loss ranks: a rung predicts the full run's
 *       perplexity; speed is judged at the full budget.
 *   <li><b>Racing</b>
 *       ({@code Racing(selector, cap).contested(members, offspring, size, significance, random)}).
 *       Before selecting, the loop asks which variants to measure again: it selects once on the
 *       means (margin 0, same noise) and once at the margin, with one seed drawn from the generator
 *       for both, and names, sorted by id, every variant that wins a place in one and not the other
 *       — the would-be entrant and the incumbent it would displace — that has fewer than
 *       {@code cap} replicates and that the cap could settle: at {@code cap} replicates each and
 *       its means as they are, it would be separated by more than the margin from one of its rivals
 *       on the other side ({@code Significance.separableAt}, a futility stop; the margin, not the
 *       few-degrees-of-freedom threshold, which falls toward it as replicates come). A generation
 *       spends at most {@code Replication.raceBudget(offspring)} evaluations on racing
 *       ({@code fitness.race-share} of its offspring, rounded up); when a round names more than is
 *       left, the least measured go first, then by id, so a resume spends the budget the same way.
 *       The loop evaluates each with a fresh seed, rebuilds its {@code Fitness} and the
 *       {@code Significance}, and asks again until nothing is named or the budget is spent; then it
 *       selects at the margin. The answer is empty when the outcome is decided or every contested
 *       variant is at the cap, so the loop ends.
 *   <li><b>Figures</b> ({@code NoisySelectionTest}: a stub measurement with σ = 1% on both log
 *       figures): the rates over 10,000 seeded trials, with and without racing's futility stop, are
 *       in BENCHMARKS.md, "Selection under noise". The weighted strategy is slower to see the
 *       better child because its score carries the MFU's noise too. The test runs 200 trials and
 *       asserts at most 5% and at least 90%, and that the means alone displace more than 5% (so
 *       that the case can tell the two apart).
 *   <li><b>Ownership.</b> Every agent owns one selected variant and every selected variant has an
 *       owner: a surviving variant stays with its first owner (elites keep theirs); an agent left
 *       without one takes its own best selected offspring that nobody owns, else the best ownerless
 *       one, else keeps its own if it survived (as a co-owner) or joins the best.
 *   <li><b>Pairing</b> ({@code Matchmaker.pair(members, slots, significance, random)}). Per
 *       offspring slot: the target by binary tournament over the distinct current variants in the
 *       selector's order (for NSGA-II, fronts of significant dominance), the mutator uniform among
 *       agents that do not own it (any agent when all do).
 *   <li><b>Randomness.</b> Ties (equal standing, failures) are broken by a shuffle of the
 *       candidates sorted by id, never by the order the caller lists them in, and every draw comes
 *       from the caller's {@code RandomGenerator}: same inputs and seed, same survivors, pairings
 *       and races. The overloads without a {@code Significance} use {@code Significance.NONE}.
 *       {@code Generation} gives reports the Pareto front (of significant dominance with
 *       {@code paretoFront(significance)}) and the best by perplexity.
 * </ul>
 */
package darwin.population.selection;
