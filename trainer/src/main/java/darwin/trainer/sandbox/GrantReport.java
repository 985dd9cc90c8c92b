package darwin.trainer.sandbox;

import darwin.core.Budget;
import darwin.trainer.harness.SpeedRatio;
import darwin.trainer.harness.TokenGrant;

/**
 * What the training child's budget became ({@link TokenGrant}), as its report says: the tokens
 * granted, the FLOPs per token they were counted at, the speed probes' figures. Written by the
 * child, read by the parent, which computes the metrics and the reason from them. As in
 * {@link TokenGrant.Grant}, a figure a budget's kind does not use is 0 (or {@code null}).
 *
 * @param grantedTokens the tokens granted for a FLOPs or an equal-time budget; else 0
 * @param flopsPerToken the program's FLOPs per token, for a FLOPs budget; else 0
 * @param speed the probes' figures, for an equal-time budget; else {@code null}
 * @param referenceThroughput the reference's calibrated tokens per second, with {@code speed}; else 0
 */
record GrantReport(long grantedTokens, double flopsPerToken, SpeedRatio speed, double referenceThroughput) {

    /** The report of a budget kept as it was asked. */
    static final GrantReport NONE = new GrantReport(0, 0, null, 0);

    GrantReport {
        if (grantedTokens < 0) {
            throw new IllegalArgumentException("negative granted tokens: " + grantedTokens);
        }
        if (!(flopsPerToken >= 0) || Double.isInfinite(flopsPerToken)) {
            throw new IllegalArgumentException("the FLOPs per token must be a finite number, not " + flopsPerToken);
        }
        if (!(referenceThroughput >= 0) || Double.isInfinite(referenceThroughput)) {
            throw new IllegalArgumentException("the reference throughput must be a finite number, not " + referenceThroughput);
        }
        if (speed == null && referenceThroughput != 0) {
            throw new IllegalArgumentException("a reference throughput comes with the speed probes' figures");
        }
    }

    /** What the child writes of its grant. */
    static GrantReport of(TokenGrant.Grant grant) {
        long granted = grant.budget() instanceof Budget.Tokens tokens && !grant.asked().equals(grant.budget())
                ? tokens.tokens()
                : 0;
        double reference = grant.speed() == null ? 0 : grant.referenceThroughput();
        return new GrantReport(granted, grant.flopsPerToken() > 0 ? grant.flopsPerToken() : 0, grant.speed(), reference);
    }

    /**
     * The grant this report describes for the budget {@code asked}.
     *
     * @throws IllegalArgumentException when the report lacks what the budget's kind needs
     */
    TokenGrant.Grant grant(Budget asked) {
        return switch (asked) {
            case Budget.Steps s -> new TokenGrant.Grant(asked, asked, 0, null, 0, null);
            case Budget.Seconds s -> new TokenGrant.Grant(asked, asked, 0, null, 0, null);
            case Budget.Tokens t -> new TokenGrant.Grant(asked, asked, 0, null, 0, null);
            case Budget.Flops f -> {
                if (!(flopsPerToken > 0)) {
                    throw new IllegalArgumentException("the report has no figure \"flopsPerToken\"");
                }
                yield new TokenGrant.Grant(asked, granted(), flopsPerToken, null, 0, null);
            }
            case Budget.EqualTime e -> {
                if (speed == null) {
                    throw new IllegalArgumentException("the report has no figure \"speedProbes\"");
                }
                yield new TokenGrant.Grant(asked, granted(), 0, speed, referenceThroughput, null);
            }
        };
    }

    private Budget granted() {
        if (grantedTokens == 0) {
            throw new IllegalArgumentException("the report says no tokens granted");
        }
        return Budget.tokens(grantedTokens);
    }
}
