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
 */
package darwin.population.selection;
