package darwin.trainer.harness;

import ai.djl.ndarray.NDManager;
import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.trainer.api.LanguageModel;
import darwin.trainer.api.TrainingProgram;
import darwin.trainer.data.TokenSampler;
import darwin.trainer.measure.FlopCount;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Turns a budget into the one a training ends by, before it starts, in the process that trains:
 * steps, seconds and tokens stay as they are; FLOPs become tokens at the program's FLOPs per token
 * (6N + 12·L·d·T of the untrained model its {@code newModel} builds, which is closed again); equal
 * time becomes the tokens the program would process in the seconds on this machine: the seconds
 * times the reference program's calibrated throughput times the program's speed relative to the
 * reference, measured by {@link SpeedProbes} in this process.
 */
public final class TokenGrant {

    private final TrainingSession session;
    private final int vocabularySize;
    private final TrainingProgram reference;
    private final double referenceThroughput;

    /**
     * @param reference the program an equal-time budget measures speed against (the seed)
     * @param referenceThroughput its calibrated tokens per second on this machine; 0 when unknown,
     *     which an equal-time budget does not accept
     */
    public TokenGrant(TrainingSession session, int vocabularySize, TrainingProgram reference, double referenceThroughput) {
        if (referenceThroughput < 0 || Double.isNaN(referenceThroughput) || Double.isInfinite(referenceThroughput)) {
            throw new IllegalArgumentException("the reference throughput must be a positive number (or 0 for none), got "
                    + referenceThroughput);
        }
        this.session = session;
        this.vocabularySize = vocabularySize;
        this.reference = reference;
        this.referenceThroughput = referenceThroughput;
    }

    /**
     * What a budget became.
     *
     * @param asked the budget given
     * @param budget the budget the training ends by: steps, seconds or tokens; {@code null} on failure
     * @param flopsPerToken the program's FLOPs per token, for a FLOPs budget; else 0
     * @param speed the probes' figures, for an equal-time budget; else {@code null}
     * @param referenceThroughput the reference's calibrated tokens per second, for an equal-time budget; else 0
     * @param failure why no budget could be granted, or {@code null}
     */
    public record Grant(Budget asked, Budget budget, double flopsPerToken, SpeedRatio speed, double referenceThroughput,
            EvaluationResult failure) {

        static Grant as(Budget asked) {
            return new Grant(asked, asked, 0, null, 0, null);
        }

        static Grant failed(Budget asked, EvaluationResult failure) {
            return new Grant(asked, null, 0, null, 0, failure);
        }

        /**
         * The tokens per second the speed objective counts: under equal time the variant's speed
         * ratio times the reference's calibrated throughput, which does not depend on how busy the
         * host was while it trained; empty otherwise (the training's own tokens over its seconds).
         */
        public OptionalDouble speedTokensPerSecond() {
            return speed == null ? OptionalDouble.empty()
                    : OptionalDouble.of(speed.ratio() * referenceThroughput);
        }

        /**
         * What the grant was, for a result's reason: empty for a budget kept as it was, such as
         * {@code 1e+15 FLOPs = 123,457 tokens at 8.1e+09 FLOPs per token}.
         */
        public String describe() {
            if (failure != null || asked.equals(budget)) {
                return "";
            }
            long tokens = ((Budget.Tokens) budget).tokens();
            if (speed == null) {
                return String.format(Locale.ROOT, "%s = %,d tokens at %.4g FLOPs per token", asked.describe(), tokens,
                        flopsPerToken);
            }
            return String.format(Locale.ROOT,
                    "%s = %,d tokens: speed %.3f ± %.3f of the seed's (%,.0f against %,.0f tokens/s in %d probe pairs, %.1f s),"
                            + " the seed calibrated at %,.0f tokens/s",
                    asked.describe(), tokens, speed.ratio(), speed.spread(), speed.variantTokensPerSecond(),
                    speed.referenceTokensPerSecond(), speed.pairs(), speed.probeSeconds(), referenceThroughput);
        }
    }

    /** The budget {@code program} trains under for {@code asked}, or why there is none. Never throws for the program's fault. */
    public Grant grant(TrainingProgram program, NDManager manager, Budget asked, long seed, TrainingListener listener) {
        return switch (asked) {
            case Budget.Steps s -> Grant.as(asked);
            case Budget.Seconds s -> Grant.as(asked);
            case Budget.Tokens t -> Grant.as(asked);
            case Budget.Flops f -> forFlops(program, manager, f);
            case Budget.EqualTime e -> forEqualTime(program, manager, e, seed, listener);
        };
    }

    private Grant forFlops(TrainingProgram program, NDManager manager, Budget.Flops asked) {
        double perToken;
        try (NDManager scope = manager.newSubManager()) {
            LanguageModel model = program.newModel(scope, vocabularySize);
            if (model == null) {
                return Grant.failed(asked, EvaluationResult.failed(EvaluationStatus.VIOLATION,
                        "newModel returned no model, so a FLOPs budget cannot be counted in tokens", ""));
            }
            perToken = FlopCount.of(model).perToken();
        } catch (Throwable failure) {
            EvaluationResult classified = TrainingSession.classify(failure);
            return Grant.failed(asked, classified.harnessFailure() ? classified : EvaluationResult.failed(
                    classified.status(), "newModel, which counts the FLOPs per token, failed: " + classified.reason(), ""));
        }
        if (!(perToken > 0)) {
            return Grant.failed(asked, EvaluationResult.failed(EvaluationStatus.VIOLATION,
                    "the model declares no FLOPs per token, so a FLOPs budget cannot be counted in tokens", ""));
        }
        long tokens = tokensOf(asked.flops() / perToken);
        return new Grant(asked, Budget.tokens(tokens), perToken, null, 0, null);
    }

    private Grant forEqualTime(TrainingProgram program, NDManager manager, Budget.EqualTime asked, long seed,
            TrainingListener listener) {
        if (!(referenceThroughput > 0)) {
            return Grant.failed(asked, EvaluationResult.harnessFailure(
                    "an equal-time budget needs the reference program's calibrated throughput, and none was given", ""));
        }
        listener.onPhase("measuring the program's speed against the seed's");
        SpeedProbes.Measured measured = new SpeedProbes(session).measure(reference, program, manager,
                probe -> probeText(vocabularySize, seed, probe), seed);
        if (measured.failure() != null) {
            return Grant.failed(asked, measured.failure());
        }
        SpeedRatio speed = measured.speed();
        long tokens = tokensOf(asked.seconds() * referenceThroughput * speed.ratio());
        return new Grant(asked, Budget.tokens(tokens), 0, speed, referenceThroughput, null);
    }

    /**
     * The batches of speed probe {@code probe} of a training seeded {@code seed}: uniformly random
     * token ids, never training text. The probes' batches do not count against the grant they
     * measure, so text in them would be training the budget does not see; a step's cost does not
     * depend on which ids it is fed, so the speed measured is the same (BENCHMARKS.md).
     */
    public static TokenSampler probeText(int vocabularySize, long seed, long probe) {
        return TokenSampler.uniform(vocabularySize, seed * 0x9E3779B97F4A7C15L + 0x51ED + probe);
    }

    /** A token budget of about {@code tokens}: rounded up, at least one. */
    private static long tokensOf(double tokens) {
        return tokens >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, (long) Math.ceil(tokens));
    }
}
