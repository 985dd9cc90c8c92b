package darwin.trainer.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import darwin.core.Budget;
import darwin.trainer.harness.SpeedRatio;
import darwin.trainer.harness.TokenGrant;
import darwin.trainer.json.JsonObject;

/**
 * The fields of the training child's report that say what its budget became ({@link TokenGrant}):
 * the tokens granted, the FLOPs per token they were counted at, the speed probes' figures. Written
 * by the child (without Jackson, which is not on its class path), read by the parent, which
 * computes the metrics and the reason from them.
 */
final class GrantReport {

    private GrantReport() {}

    static void write(JsonObject report, TokenGrant.Grant grant) {
        if (grant.budget() instanceof Budget.Tokens tokens && !grant.asked().equals(grant.budget())) {
            report.put("grantedTokens", tokens.tokens());
        }
        if (grant.flopsPerToken() > 0) {
            report.put("flopsPerToken", grant.flopsPerToken());
        }
        SpeedRatio speed = grant.speed();
        if (speed != null) {
            JsonObject probes = report.putObject("speedProbes");
            probes.put("ratio", speed.ratio());
            probes.put("spread", speed.spread());
            probes.put("referenceTokensPerSecond", speed.referenceTokensPerSecond());
            probes.put("variantTokensPerSecond", speed.variantTokensPerSecond());
            probes.put("seconds", speed.probeSeconds());
            probes.put("pairs", speed.pairs());
            probes.put("calibratedReferenceTokensPerSecond", grant.referenceThroughput());
        }
    }

    /**
     * The grant a report describes for the budget {@code asked}.
     *
     * @throws IllegalArgumentException when the report lacks what the budget's kind needs
     */
    static TokenGrant.Grant read(JsonNode report, Budget asked) {
        return switch (asked) {
            case Budget.Steps s -> new TokenGrant.Grant(asked, asked, 0, null, 0, null);
            case Budget.Seconds s -> new TokenGrant.Grant(asked, asked, 0, null, 0, null);
            case Budget.Tokens t -> new TokenGrant.Grant(asked, asked, 0, null, 0, null);
            case Budget.Flops f -> new TokenGrant.Grant(asked, granted(report), number(report, "flopsPerToken"), null, 0, null);
            case Budget.EqualTime e -> {
                JsonNode probes = report.path("speedProbes");
                SpeedRatio speed = new SpeedRatio(number(probes, "ratio"), number(probes, "spread"),
                        number(probes, "referenceTokensPerSecond"), number(probes, "variantTokensPerSecond"),
                        number(probes, "seconds"), (int) number(probes, "pairs"));
                yield new TokenGrant.Grant(asked, granted(report), 0, speed,
                        number(probes, "calibratedReferenceTokensPerSecond"), null);
            }
        };
    }

    private static Budget granted(JsonNode report) {
        JsonNode tokens = report.path("grantedTokens");
        if (!tokens.canConvertToLong() || !tokens.isIntegralNumber()) {
            throw new IllegalArgumentException("the report says no tokens granted");
        }
        return Budget.tokens(tokens.longValue());
    }

    private static double number(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("the report has no figure \"" + name + "\"");
        }
        return value.doubleValue();
    }
}
