/**
 * The result cache: an evaluation's result kept by (variant id, budget, seed, device), so that an
 * identical variant is never trained twice, also across a restart.
 *
 * <p>{@link darwin.trainer.cache.ResultCache} holds results at two levels: a bounded map in memory
 * and one JSON file per key in the variant's own directory, under {@code results/}. The file has
 * an explicit, versioned shape ({@code "schema": 1}); a file that cannot be read is a miss, never
 * an error, and the next result for its key replaces it.
 *
 * <h2>The result cache in detail</h2>
 *
 * <p>{@code ResultCache} keeps each evaluation's result under a {@code ResultKey} (variant id,
 * budget, seed, device), so that an identical variant is never trained twice, also across a
 * restart. Two levels: a bounded Caffeine map in memory (10,000 entries by default), and a JSON
 * file next to the variant, {@code <variantDir>/results/<budget>_seed-<seed>_<device>.json} (e.g.
 * {@code steps-2000_seed-1337_cpu.json}). The caller maps a variant id to its directory:
 * {@code ResultCache.under(root)} for a run's {@code variants/<id>/},
 * {@code ResultCache.forVariant(id, dir)} for the folder {@code darwin evaluate DIR} reads.
 *
 * <ul>
 *   <li>Every status is a property of the code under its budget and is cached; only a failure of
 *       the harness itself is not ({@code EvaluationResult.harnessFailure()}, a flag whose reason
 *       also begins with "the harness failed: " for people; {@code ResultCache.cacheable}).
 *       {@code invalidate} forgets one. The file writes the flag only when true, and a file without
 *       it reads as before the flag existed (a harness failure when its reason begins so), so the
 *       files of cached results are unchanged ({@code ResultJsonTest}'s fixtures).
 *   <li>The file has a versioned shape ({@code "schema": 1}) and records its whole key; non-finite
 *       figures are written as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"},
 *       so the file stays standard JSON.
 *   <li>Files are replaced by an atomic move from a temporary file in the same folder. A file that
 *       cannot be read, or holds another key, is a miss and a warning naming it; the next
 *       {@code put} replaces it.
 *   <li>Each key's read-from-disk, write and invalidation run under the memory map's per-key lock,
 *       so memory and disk agree while several evaluation slots share one cache.
 *   <li>{@code SignedResult} is the same JSON handed between processes through a file (a cluster
 *       job's result): a first line signs it with HMAC-SHA256 under the evaluation's key, and a file
 *       whose signature does not hold, or that holds another key's result, reads as nothing.
 * </ul>
 */
package darwin.trainer.cache;
