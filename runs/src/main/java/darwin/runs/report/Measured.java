package darwin.runs.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A variant's held-out perplexity and MFU, as its evaluation measured them.
 *
 * @param variant the variant's id
 * @param perplexity held-out perplexity, finite and positive
 * @param mfu model FLOP utilisation, a fraction of the device's peak
 * @param budget the key of the budget it was measured at ({@code seconds-20.0}; {@code ""} when the ledger does not say)
 */
public record Measured(String variant, double perplexity, double mfu, String budget) {

    public Measured {
        Objects.requireNonNull(variant, "variant");
        budget = Objects.requireNonNullElse(budget, "");
        if (!(perplexity > 0) || !Double.isFinite(perplexity)) {
            throw new IllegalArgumentException("perplexity must be finite and positive, got " + perplexity);
        }
        if (!(mfu >= 0) || !Double.isFinite(mfu)) {
            throw new IllegalArgumentException("MFU must be finite and not negative, got " + mfu);
        }
    }

    /** The figures of an EVALUATION event's data, when it was OK and measured finite figures. */
    static Optional<Measured> of(JsonNode evaluation) {
        JsonNode metrics = evaluation.path("metrics");
        double perplexity = metrics.path("perplexity").asDouble(Double.NaN);
        double mfu = metrics.path("mfu").asDouble(Double.NaN);
        if (!"OK".equals(evaluation.path("status").asText()) || !(perplexity > 0) || !Double.isFinite(perplexity)
                || !(mfu >= 0) || !Double.isFinite(mfu)) {
            return Optional.empty();
        }
        return Optional.of(new Measured(evaluation.path("variant").asText(), perplexity, mfu, evaluation.path("budget").asText("")));
    }

    /** Relative change of perplexity from {@code before} to this, e.g. -0.05 for 5% lower. */
    public double perplexityChange(Measured before) {
        return perplexity / before.perplexity - 1;
    }
}
