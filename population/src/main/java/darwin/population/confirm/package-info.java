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
 */
package darwin.population.confirm;
