package darwin.mutation.llm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replies by {@link RequestKey}, so that a resumed or replayed run asks the LLM nothing twice.
 *
 * <p>Two levels: a map in memory (Caffeine), bounded by the size of the texts it holds, and,
 * when opened on a file, a JSON-lines log of every reply ({@link ReplyLog}: append-only, each line
 * forced to disk, a torn last line skipped on load). Opening a file reads it once to index the
 * offset of every key; a reply evicted from memory is read back from its line. Complete replies
 * and replies cut off at the output token limit are cached ({@link CachedReply} refuses others).
 *
 * <p>Concurrency: safe for concurrent use; appends are serialised.
 */
public final class ReplyCache implements Closeable {

    /** The default bound on the text held in memory: 64 MiB of characters. */
    public static final long DEFAULT_MEMORY_CHARS = 64L << 20;

    private static final System.Logger LOG = System.getLogger(ReplyCache.class.getName());

    private final Cache<RequestKey, CachedReply> memory;
    private final Map<RequestKey, Long> offsets = new ConcurrentHashMap<>();
    private final ReplyLog log;

    private ReplyCache(long memoryChars, Path file) throws IOException {
        if (memoryChars < 1) {
            throw new IllegalArgumentException("the cache needs room for at least one character, got " + memoryChars);
        }
        this.memory = Caffeine.newBuilder()
                .maximumWeight(memoryChars)
                .weigher((RequestKey key, CachedReply reply) -> reply.text().length() + 256)
                .build();
        this.log = file == null ? null : ReplyLog.open(file, (entry, offset) -> {
            offsets.put(entry.key(), offset);
            memory.put(entry.key(), entry.reply());
        });
    }

    /** A cache in memory only, lost when the process ends. */
    public static ReplyCache inMemory() {
        try {
            return new ReplyCache(DEFAULT_MEMORY_CHARS, null);
        } catch (IOException e) {
            throw new AssertionError("no file is opened", e);
        }
    }

    /**
     * A cache kept in {@code file} (created when missing), holding every reply the file holds.
     *
     * @throws IOException when the file cannot be opened or read
     */
    public static ReplyCache open(Path file) throws IOException {
        return open(file, DEFAULT_MEMORY_CHARS);
    }

    /** A cache kept in {@code file}, holding at most {@code memoryChars} characters of text in memory. */
    public static ReplyCache open(Path file, long memoryChars) throws IOException {
        return new ReplyCache(memoryChars, Objects.requireNonNull(file, "file"));
    }

    /** The reply cached for {@code key}; empty when there is none or its line cannot be read (with a warning). */
    public Optional<CachedReply> get(RequestKey key) {
        CachedReply hit = memory.getIfPresent(key);
        if (hit != null) {
            return Optional.of(hit);
        }
        Long offset = offsets.get(key);
        if (offset == null || log == null) {
            return Optional.empty();
        }
        try {
            Optional<CachedReply> read = log.readAt(offset).filter(e -> e.key().equals(key)).map(ReplyLog.Entry::reply);
            read.ifPresent(reply -> memory.put(key, reply));
            return read;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read a cached reply from {0}: {1}", log.file(), e.toString());
            return Optional.empty();
        }
    }

    /**
     * Caches {@code reply} for {@code key}: in memory, and appended to the file.
     *
     * @throws IOException when the file cannot be written; the reply is then still held in memory,
     *     so this process will not ask again, but a restart will
     */
    public void put(RequestKey key, CachedReply reply) throws IOException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reply, "reply");
        memory.put(key, reply);
        if (log != null) {
            offsets.put(key, log.append(key, reply));
        }
    }

    /** The file the cache is kept in, if any. */
    public Optional<Path> file() {
        return log == null ? Optional.empty() : Optional.of(log.file());
    }

    /** How many distinct requests the cache answers: every key of the file, or those in memory. */
    public long size() {
        return log == null ? memory.estimatedSize() : offsets.size();
    }

    @Override
    public void close() throws IOException {
        if (log != null) {
            log.close();
        }
    }
}
