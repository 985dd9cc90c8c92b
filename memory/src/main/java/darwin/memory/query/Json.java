package darwin.memory.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.stats.Interval;
import darwin.memory.Attempt;

/** What the query package's JSON has in common: figures that may be unknown. */
final class Json {

    private Json() {}

    /** Puts a finite number, or {@code null} for NaN and the infinities (JSON has neither). */
    static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    /**
     * Puts an interval's estimate and bounds, each times {@code scale}, under three keys; all
     * {@code null} for no interval, the bounds {@code null} when unbounded.
     */
    static void interval(ObjectNode node, String estimate, String low, String high, Interval interval, double scale) {
        number(node, estimate, interval == null ? Double.NaN : scale * interval.estimate());
        number(node, low, interval == null ? Double.NaN : scale * interval.low());
        number(node, high, interval == null ? Double.NaN : scale * interval.high());
    }

    /**
     * An attempt as an example: its key, summary, changes with their intervals (percent), replicates
     * and verdict; {@code null} for none.
     */
    static JsonNode example(ObjectMapper json, Attempt attempt) {
        if (attempt == null) {
            return json.nullNode();
        }
        ObjectNode node = json.createObjectNode().put("proposal", attempt.proposal()).put("summary", attempt.summary());
        Change change = Change.of(attempt).orElse(null);
        interval(node, "perplexityChangePercent", "perplexityChangeLowPercent", "perplexityChangeHighPercent",
                change == null ? null : change.perplexity(), 100);
        interval(node, "mfuChangePercent", "mfuChangeLowPercent", "mfuChangeHighPercent",
                change == null ? null : change.mfu(), 100);
        number(node, "mfuChangePoints", attempt.mfuChange());
        if (change == null || change.verdict() == null) {
            node.putNull("verdict");
        } else {
            node.put("verdict", change.verdict().name());
        }
        if (change == null) {
            node.putNull("replicatesBefore").putNull("replicatesAfter");
        } else {
            node.put("replicatesBefore", change.before()).put("replicatesAfter", change.after());
        }
        return node;
    }
}
