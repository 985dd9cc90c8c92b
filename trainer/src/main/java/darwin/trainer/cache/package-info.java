/**
 * The result cache: an evaluation's result kept by (variant id, budget, seed, device), so that an
 * identical variant is never trained twice, also across a restart.
 *
 * <p>{@link darwin.trainer.cache.ResultCache} holds results at two levels: a bounded map in memory
 * and one JSON file per key in the variant's own directory, under {@code results/}. The file has
 * an explicit, versioned shape ({@code "schema": 1}); a file that cannot be read is a miss, never
 * an error, and the next result for its key replaces it.
 */
package darwin.trainer.cache;
