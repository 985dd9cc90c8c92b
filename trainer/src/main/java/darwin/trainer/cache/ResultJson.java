package darwin.trainer.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Metrics;
import java.io.IOException;

/**
 * The JSON form of a cached result, version {@value #SCHEMA}:
 *
 * <pre>{@code
 * {"schema": 2,
 *  "key": {"variantId": "…",
 *          "budget": {"steps": 2000} | {"seconds": 30.0} | {"tokens": 1536000} | {"flops": 1.0E15} | {"equalTime": 20.0},
 *          "seed": 1337, "device": "cpu()"},
 *  "status": "OK", "reason": "…",
 *  "metrics": {"valLoss": 1.47, …, "device": "cpu()"} | null,
 *  "logTail": "…",
 *  "harnessFailure": true}
 * }</pre>
 *
 * <p>{@code harnessFailure} is written only when it is true (the cache keeps no such result, so in
 * practice never), and a file without it reads as results did before the flag existed: a failure of
 * the harness when its reason begins with {@link EvaluationResult#HARNESS_FAILURE}. So the files of
 * every cached result are what they were before the flag.
 *
 * <p>The metrics carry the fields of {@link Metrics} under their own names. A non-finite double
 * is written as the string {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}, so the file
 * stays standard JSON and a diverged figure reads back as it was.
 *
 * <p>The budget kinds other than steps and seconds came later within schema 2: a file with one of
 * them is unreadable to a version of darwin without them, and so a miss there, never a wrong hit.
 *
 * <p>Schema 2 scores every second held-out window (schema 1 scored them all): a result of another
 * schema is a miss, so no cache mixes held-out losses measured on different windows.
 */
final class ResultJson {

    /** Version of the file's shape and of what its held-out loss measures. */
    static final int SCHEMA = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultJson() {}

    /** A result with the key it was stored under. */
    record Entry(ResultKey key, EvaluationResult result) {}

    static byte[] write(ResultKey key, EvaluationResult result) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        ObjectNode keyNode = root.putObject("key");
        keyNode.put("variantId", key.variantId());
        ObjectNode budget = keyNode.putObject("budget");
        switch (key.budget()) {
            case Budget.Steps(long steps) -> budget.put("steps", steps);
            case Budget.Seconds(double seconds) -> budget.put("seconds", seconds);
            case Budget.Tokens(long tokens) -> budget.put("tokens", tokens);
            case Budget.Flops(double flops) -> budget.put("flops", flops);
            case Budget.EqualTime(double seconds) -> budget.put("equalTime", seconds);
        }
        keyNode.put("seed", key.seed());
        keyNode.put("device", key.device());
        root.put("status", result.status().name());
        root.put("reason", result.reason());
        if (result.metrics() == null) {
            root.putNull("metrics");
        } else {
            writeMetrics(root.putObject("metrics"), result.metrics());
        }
        root.put("logTail", result.logTail());
        if (result.harnessFailure()) {
            root.put("harnessFailure", true);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    /**
     * Reads a result file's content.
     *
     * @throws IOException when it is not JSON
     * @throws IllegalArgumentException when it is JSON of another shape or schema
     */
    static Entry read(byte[] content) throws IOException {
        JsonNode root = JSON.readTree(content);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (!root.path("schema").isInt() || root.get("schema").intValue() != SCHEMA) {
            throw new IllegalArgumentException("schema " + root.path("schema") + ", expected " + SCHEMA);
        }
        JsonNode keyNode = object(root, "key");
        JsonNode budgetNode = object(keyNode, "budget");
        Budget budget = budget(budgetNode);
        ResultKey key = new ResultKey(text(keyNode, "variantId"), budget, integer(keyNode, "seed"), text(keyNode, "device"));
        EvaluationStatus status = EvaluationStatus.valueOf(text(root, "status"));
        JsonNode metricsNode = root.path("metrics");
        Metrics metrics = metricsNode.isObject() ? readMetrics(metricsNode) : null;
        if (metrics == null && !metricsNode.isNull()) {
            throw new IllegalArgumentException("\"metrics\" must be an object or null");
        }
        String reason = text(root, "reason");
        JsonNode flag = root.path("harnessFailure");
        if (!flag.isMissingNode() && !flag.isBoolean()) {
            throw new IllegalArgumentException("\"harnessFailure\" must be true or false");
        }
        boolean harnessFailure = flag.isBoolean() ? flag.booleanValue() : EvaluationResult.recordedAsHarnessFailure(reason);
        return new Entry(key, new EvaluationResult(status, reason, metrics, text(root, "logTail"), harnessFailure));
    }

    private static Budget budget(JsonNode node) {
        if (node.size() != 1) {
            throw new IllegalArgumentException("a budget has one kind, got " + node);
        }
        String kind = node.fieldNames().next();
        return switch (kind) {
            case "steps" -> Budget.steps(integer(node, kind));
            case "seconds" -> Budget.seconds(number(node, kind));
            case "tokens" -> Budget.tokens(integer(node, kind));
            case "flops" -> Budget.flops(number(node, kind));
            case "equalTime" -> Budget.equalTime(number(node, kind));
            default -> throw new IllegalArgumentException("\"" + kind + "\" is not a kind of budget");
        };
    }

    private static void writeMetrics(ObjectNode node, Metrics metrics) {
        putDouble(node, "valLoss", metrics.valLoss());
        putDouble(node, "perplexity", metrics.perplexity());
        putDouble(node, "mfu", metrics.mfu());
        putDouble(node, "tokensPerSecond", metrics.tokensPerSecond());
        node.put("tokensTrained", metrics.tokensTrained());
        node.put("steps", metrics.steps());
        node.put("parameters", metrics.parameters());
        putDouble(node, "flopsPerToken", metrics.flopsPerToken());
        putDouble(node, "peakFlops", metrics.peakFlops());
        putDouble(node, "wallSeconds", metrics.wallSeconds());
        putDouble(node, "trainSeconds", metrics.trainSeconds());
        node.put("device", metrics.device());
    }

    private static Metrics readMetrics(JsonNode node) {
        return new Metrics(
                number(node, "valLoss"),
                number(node, "perplexity"),
                number(node, "mfu"),
                number(node, "tokensPerSecond"),
                integer(node, "tokensTrained"),
                integer(node, "steps"),
                integer(node, "parameters"),
                number(node, "flopsPerToken"),
                number(node, "peakFlops"),
                number(node, "wallSeconds"),
                number(node, "trainSeconds"),
                text(node, "device"));
    }

    private static void putDouble(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.put(name, Double.toString(value)); // "NaN", "Infinity", "-Infinity"
        }
    }

    private static double number(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (value.isNumber()) {
            return value.doubleValue();
        }
        return switch (value.isTextual() ? value.textValue() : "") {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw new IllegalArgumentException("\"" + name + "\" must be a number");
        };
    }

    private static long integer(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("\"" + name + "\" must be an integer");
        }
        return value.longValue();
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("\"" + name + "\" must be a string");
        }
        return value.textValue();
    }

    private static JsonNode object(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (!value.isObject()) {
            throw new IllegalArgumentException("\"" + name + "\" must be an object");
        }
        return value;
    }
}
