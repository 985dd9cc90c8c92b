/**
 * Selection: how fit a variant is, which variants survive a generation, who owns them afterwards,
 * and who mutates whom next.
 *
 * <p>Fitness: a {@link darwin.population.selection.Fitness} holds the two objectives of an
 * evaluation, held-out perplexity (minimised) and MFU (maximised), or its failure. A failure
 * dominates nothing and is dominated by every working variant.
 *
 * <p>Strategies: a {@link darwin.population.selection.Selector} orders candidates, best first.
 * {@link darwin.population.selection.Nsga2} (the default) by Pareto front and crowding distance,
 * which {@link darwin.population.selection.ParetoFronts} computes with Jenetics' {@code Pareto}
 * ({@code jenetics.ext}); {@link darwin.population.selection.Weighted} by a scale-free
 * {@link darwin.population.selection.WeightedScore} relative to the seed.
 *
 * <p>Survival and ownership: {@link darwin.population.selection.Selector#select} keeps the elites,
 * fills the other places in the strategy's order and gives every agent exactly one surviving
 * variant; {@link darwin.population.selection.Survivors} states the rules.
 *
 * <p>Pairing: a {@link darwin.population.selection.Matchmaker} picks, for each offspring slot, a
 * target by binary tournament and a mutating agent that does not own it.
 *
 * <p>Randomness: every random choice, ties included, is drawn from the
 * {@link java.util.random.RandomGenerator} the caller passes in, so the same inputs and seed give
 * the same survivors and pairings. Nothing here keeps state between calls, and nothing uses
 * Jenetics' {@code Engine}, its {@code RandomRegistry} or its phenotype ages.
 */
package darwin.population.selection;
