package darwin.mutation.llm;

import java.util.Objects;

/**
 * A reply kept in the {@link ReplyCache}, with what it cost when it was first asked for.
 *
 * @param provider the provider's configuration name
 * @param model the model that wrote it
 * @param text the reply
 * @param finishReason why the model stopped (a complete reason)
 * @param usage tokens it took the first time
 * @param cost US dollars it cost the first time
 */
public record CachedReply(String provider, String model, String text, FinishReason finishReason, Usage usage,
        double cost) {

    public CachedReply {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(usage, "usage");
        if (!finishReason.complete()) {
            throw new IllegalArgumentException("only complete replies are cached, not one that stopped for " + finishReason);
        }
        if (!(cost >= 0) || Double.isInfinite(cost)) {
            throw new IllegalArgumentException("a cost must be finite and not negative, got " + cost);
        }
    }

    /** What {@code reply}, from {@code provider}'s {@code model}, is kept as. */
    public static CachedReply of(Provider provider, String model, Completion.Replied reply) {
        return new CachedReply(provider.id(), model, reply.text(), reply.finishReason(), reply.usage(), reply.cost());
    }

    /** The reply, served again: it spends nothing and sends nothing. */
    public Completion.Replied replay() {
        return new Completion.Replied(text, Usage.NONE, 0, finishReason, 0);
    }
}
