package darwin.mutation.llm;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers a request asked before from the {@link ReplyCache}, and caches every complete reply of
 * the client it wraps, and every reply cut off at the output token limit. A cached answer is what
 * the first answer was — a {@link Completion.Replied}, or a {@link Completion.Failed} of kind
 * {@link FailureKind#TRUNCATED} with its partial text — that sent nothing and cost nothing
 * ({@code attempts} 0). Other failures are never cached: they are asked again.
 *
 * <p>Two identical requests in flight at once both reach the server; the later reply wins the
 * cache. A reply that cannot be written to the cache's file is still returned, with a warning.
 */
public final class CachedClient implements LlmClient {

    private static final System.Logger LOG = System.getLogger(CachedClient.class.getName());

    private final LlmClient delegate;
    private final ReplyCache cache;
    private final Provider provider;

    /**
     * @param delegate what asks the server
     * @param cache where replies are kept
     * @param provider the provider behind {@code delegate}, part of every key
     */
    public CachedClient(LlmClient delegate, ReplyCache cache, Provider provider) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    @Override
    public Completion complete(CompletionRequest request) {
        RequestKey key = RequestKey.of(provider, request);
        Optional<CachedReply> hit = cache.get(key);
        if (hit.isPresent()) {
            return hit.get().replay();
        }
        Completion completion = delegate.complete(request);
        Optional<CachedReply> kept = CachedReply.of(provider, request.model(), completion);
        if (kept.isPresent()) {
            try {
                cache.put(key, kept.get());
            } catch (Exception e) {
                LOG.log(Level.WARNING, "cannot cache a reply in {0}: {1}", cache.file().map(Object::toString)
                        .orElse("memory"), e.toString());
            }
        }
        return completion;
    }
}
