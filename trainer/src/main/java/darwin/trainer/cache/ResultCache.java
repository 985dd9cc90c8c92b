package darwin.trainer.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import darwin.core.EvaluationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Results of evaluations by {@link ResultKey}, so that an identical variant is never trained twice,
 * also across a restart.
 *
 * <p>Two levels: a bounded map in memory (Caffeine; past the bound, entries are evicted by
 * frequency and recency), and a JSON file per key <em>next to the variant</em>:
 * {@code <variantDir>/results/<key>.json} (see {@link ResultKey#fileStem()}). The caller says where
 * each variant's directory is, as a function of its id: {@link #under(Path)} serves a run
 * directory ({@code variants/<id>/}), {@link #forVariant(String, Path)} a single variant's own
 * folder ({@code darwin evaluate DIR}). {@link #get} looks in memory, then on disk, and keeps a
 * disk hit in memory; {@link #put} writes both. A file that cannot be read is a miss (and a
 * warning naming it); the next {@code put} for its key replaces it.
 *
 * <p>What is cached is decided in one place, {@link #cacheable(EvaluationResult)}: every status
 * is a property of the code under its budget, so every result is kept, except one whose reason
 * says the harness itself failed, which must be tried again. {@link #invalidate} forgets one.
 *
 * <p>Concurrency: an instance is safe for use by several evaluation slots at once. Each key's
 * {@code get}-from-disk, {@code put} and {@code invalidate} run atomically under the memory map's
 * per-key lock, so the memory entry and the file change together and a reader never puts back a
 * result older than one just written. Distinct keys proceed in parallel (keys that share a hash
 * bin wait for one small file's I/O). A file is replaced by an atomic move, so a reader in
 * another process sees the old file or the new one, never half of one.
 */
public final class ResultCache {

    /** The default bound on entries held in memory. */
    public static final long DEFAULT_MAXIMUM_ENTRIES = 10_000;

    /**
     * Reasons that mark a result of the harness's own failure (a prefix of
     * {@link EvaluationResult#reason()}), not of the program's: such results are not cached. Today
     * one: the harness could not write the training curve's file.
     */

    private final Cache<ResultKey, EvaluationResult> memory;
    private final ResultFiles files;

    /**
     * A cache that keeps each variant's results under {@code variantDirs.apply(id)/results/}.
     *
     * @param variantDirs the directory of a variant, by id
     * @param maximumEntries the most results held in memory; the disk holds every one
     */
    public ResultCache(Function<String, Path> variantDirs, long maximumEntries) {
        if (maximumEntries < 1) {
            throw new IllegalArgumentException("the cache must hold at least one entry in memory, got " + maximumEntries);
        }
        this.files = new ResultFiles(variantDirs);
        this.memory = Caffeine.newBuilder().maximumSize(maximumEntries).build();
    }

    /** A cache for the variants of a run: variant {@code id}'s results go under {@code root/id/results/}. */
    public static ResultCache under(Path root) {
        Objects.requireNonNull(root, "root");
        return new ResultCache(root::resolve, DEFAULT_MAXIMUM_ENTRIES);
    }

    /**
     * A cache for the one variant {@code variantId} whose directory is {@code dir}; its results go
     * under {@code dir/results/}. A key of another variant is rejected.
     */
    public static ResultCache forVariant(String variantId, Path dir) {
        Objects.requireNonNull(variantId, "variantId");
        Objects.requireNonNull(dir, "dir");
        return new ResultCache(id -> {
            if (!id.equals(variantId)) {
                throw new IllegalArgumentException("this cache holds the results of variant " + variantId + " only, not " + id);
            }
            return dir;
        }, DEFAULT_MAXIMUM_ENTRIES);
    }

    /**
     * Whether a result may be cached: every result except a failure of the harness itself
     * ({@link EvaluationResult#harnessFailure()}). A compile error, a crash, a divergence, a violation, running
     * out of memory or time are properties of the code under its budget, and trying again would
     * only repeat them.
     */
    public static boolean cacheable(EvaluationResult result) {
        return !result.harnessFailure();
    }

    /** The result cached for {@code key}: from memory, else from its file (then kept in memory). */
    public Optional<EvaluationResult> get(ResultKey key) {
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(memory.get(key, k -> files.read(k).orElse(null)));
    }

    /**
     * Caches {@code result} for {@code key}, in memory and in its file, replacing what was there.
     * A result that is not {@linkplain #cacheable(EvaluationResult) cacheable} is left out.
     *
     * @return whether the result was cached
     * @throws IOException when the file cannot be written; the result is then still held in
     *     memory, so this process will not train it again, but it will not survive a restart
     */
    public boolean put(ResultKey key, EvaluationResult result) throws IOException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(result, "result");
        if (!cacheable(result)) {
            return false;
        }
        IOException[] failure = new IOException[1];
        memory.asMap().compute(key, (k, previous) -> {
            try {
                files.write(k, result);
            } catch (IOException e) {
                failure[0] = e;
            }
            return result;
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return true;
    }

    /**
     * Forgets the result for {@code key}, in memory and on disk, so that the next evaluation
     * trains it again.
     *
     * @throws IOException when the file cannot be deleted; the memory entry is gone all the same
     */
    public void invalidate(ResultKey key) throws IOException {
        Objects.requireNonNull(key, "key");
        IOException[] failure = new IOException[1];
        memory.asMap().compute(key, (k, previous) -> {
            try {
                files.delete(k);
            } catch (IOException e) {
                failure[0] = e;
            }
            return null;
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** Where the file of {@code key}'s result is, whether or not it exists. */
    public Path file(ResultKey key) {
        return files.path(Objects.requireNonNull(key, "key"));
    }
}
