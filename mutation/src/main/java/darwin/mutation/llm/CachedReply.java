package darwin.mutation.llm;

import java.util.Objects;
import java.util.Optional;

/**
 * A reply kept in the {@link ReplyCache}, with what it cost when it was first asked for: a
 * complete reply, or one cut off at the output token limit.
 *
 * <p>Why a cut-off reply is kept: it is the dearest failure there is (every output token it was
 * allowed is paid for), it is what the model answers to that request, and the proposal goes on
 * from it (a repair round asks for a smaller change). A resumed run that asked again would pay for
 * it twice. Other failures say nothing about the request and are asked again.
 *
 * @param provider the provider's configuration name
 * @param model the model that wrote it
 * @param text the reply, or as much of it as came before the limit
 * @param finishReason why the model stopped: a complete reason, or {@link FinishReason#LENGTH}
 * @param usage tokens it took the first time
 * @param cost US dollars it cost the first time
 * @param message for a reply cut off at the limit, the failure's message, replayed as it was
 *     (a repair round quotes it); empty for a complete reply
 */
public record CachedReply(String provider, String model, String text, FinishReason finishReason, Usage usage,
        double cost, String message) {

    public CachedReply {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(usage, "usage");
        message = Objects.requireNonNullElse(message, "");
        if (!finishReason.complete() && finishReason != FinishReason.LENGTH) {
            throw new IllegalArgumentException("only complete replies and replies cut off at the token limit are cached,"
                    + " not one that stopped for " + finishReason);
        }
        boolean truncated = finishReason == FinishReason.LENGTH;
        if (truncated == message.isBlank()) {
            throw new IllegalArgumentException(truncated ? "a reply cut off at the token limit is cached with its failure's"
                    + " message" : "a complete reply has no failure message, got '" + message + "'");
        }
        if (!(cost >= 0) || Double.isInfinite(cost)) {
            throw new IllegalArgumentException("a cost must be finite and not negative, got " + cost);
        }
    }

    /** A complete reply. */
    public CachedReply(String provider, String model, String text, FinishReason finishReason, Usage usage, double cost) {
        this(provider, model, text, finishReason, usage, cost, "");
    }

    /**
     * What {@code completion}, from {@code provider}'s {@code model}, is kept as: a reply, or a
     * failure of kind {@link FailureKind#TRUNCATED}; nothing for other failures.
     */
    public static Optional<CachedReply> of(Provider provider, String model, Completion completion) {
        return switch (completion) {
            case Completion.Replied r -> Optional.of(new CachedReply(provider.id(), model, r.text(), r.finishReason(),
                    r.usage(), r.cost()));
            case Completion.Failed f when f.kind() == FailureKind.TRUNCATED -> Optional.of(new CachedReply(provider.id(),
                    model, f.partialText(), FinishReason.LENGTH, f.usage(), f.cost(), f.message()));
            case Completion.Failed f -> Optional.empty();
        };
    }

    /** Whether the reply was cut off at the output token limit. */
    public boolean truncated() {
        return finishReason == FinishReason.LENGTH;
    }

    /**
     * The outcome, served again as it was first: a reply, or a {@link FailureKind#TRUNCATED}
     * failure with its partial text. Either spends nothing and sends nothing.
     */
    public Completion replay() {
        if (truncated()) {
            return new Completion.Failed(FailureKind.TRUNCATED, message, text, Optional.empty(), Usage.NONE, 0, 0);
        }
        return new Completion.Replied(text, Usage.NONE, 0, finishReason, 0);
    }
}
