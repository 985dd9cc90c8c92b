package darwin.memory.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.Metrics;
import darwin.memory.Attempt;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Every attempt as one row, for pandas, a spreadsheet or {@code jq}: the same columns, in the same
 * order, in CSV and in JSON lines. Figures that do not exist (no metrics after a failure, the
 * bounds of an interval over a single draw) are empty in CSV and {@code null} in JSON; tags are
 * joined by {@code ;} in CSV and an array in JSON. MFU itself is a fraction, as stored.
 *
 * <p>Changes are relative, in percent ({@code perplexityChangePercent}, {@code mfuChangePercent},
 * the estimate of the attempt's {@link darwin.memory.Effect} when it has one, with the bounds of
 * its 95% interval), except {@code mfuChangePoints}, the difference of the MFU figures in
 * percentage points. {@code verdict} is {@code BETTER}, {@code WORSE} or {@code WITHIN_NOISE}, empty
 * for an attempt not measured or recorded without replicates ({@code replicatesBefore} and
 * {@code replicatesAfter} are then 1, the single draw each side).
 */
public final class AttemptExport {

    /** The output formats. */
    public enum Format {
        CSV, JSONL;

        /** The format named, ignoring case. */
        public static Format named(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("no export format '" + name + "'; the formats are csv and jsonl", e);
            }
        }
    }

    /** One column: its name and how an attempt gives its value (a string, number, boolean, list or null). */
    record Column(String name, Function<Attempt, Object> value) {}

    static final List<Column> COLUMNS = List.of(
            new Column("proposal", Attempt::proposal),
            new Column("generation", Attempt::generation),
            new Column("mutator", Attempt::mutator),
            new Column("owner", Attempt::owner),
            new Column("status", Attempt::status),
            new Column("stage", a -> Stage.of(a.status()).name()),
            new Column("compiled", a -> Stage.of(a.status()).compiled()),
            new Column("trained", a -> Stage.of(a.status()).trained()),
            new Column("improved", AttemptStats::improved),
            new Column("summary", Attempt::summary),
            new Column("tags", Attempt::tags),
            new Column("parent", Attempt::parent),
            new Column("child", Attempt::child),
            new Column("perplexityBefore", a -> figure(a.before(), Metrics::perplexity)),
            new Column("perplexityAfter", a -> figure(a.after(), Metrics::perplexity)),
            new Column("perplexityChangePercent", a -> percent(a, c -> c.perplexity().estimate())),
            new Column("mfuBefore", a -> figure(a.before(), Metrics::mfu)),
            new Column("mfuAfter", a -> figure(a.after(), Metrics::mfu)),
            new Column("mfuChangePoints", a -> finite(a.mfuChange())),
            new Column("verdict", a -> Change.of(a).map(c -> c.verdict() == null ? null : c.verdict().name()).orElse(null)),
            new Column("perplexityChangeLowPercent", a -> percent(a, c -> c.perplexity().low())),
            new Column("perplexityChangeHighPercent", a -> percent(a, c -> c.perplexity().high())),
            new Column("mfuChangePercent", a -> percent(a, c -> c.mfu() == null ? Double.NaN : c.mfu().estimate())),
            new Column("mfuChangeLowPercent", a -> percent(a, c -> c.mfu() == null ? Double.NaN : c.mfu().low())),
            new Column("mfuChangeHighPercent", a -> percent(a, c -> c.mfu() == null ? Double.NaN : c.mfu().high())),
            new Column("replicatesBefore", a -> Change.of(a).map(Change::before).orElse(null)),
            new Column("replicatesAfter", a -> Change.of(a).map(Change::after).orElse(null)),
            new Column("tokensPerSecondBefore", a -> figure(a.before(), Metrics::tokensPerSecond)),
            new Column("tokensPerSecondAfter", a -> figure(a.after(), Metrics::tokensPerSecond)),
            new Column("parametersBefore", a -> a.before() == null ? null : a.before().parameters()),
            new Column("parametersAfter", a -> a.after() == null ? null : a.after().parameters()),
            new Column("inputTokens", Attempt::inputTokens),
            new Column("outputTokens", Attempt::outputTokens),
            new Column("costUsd", Attempt::cost),
            new Column("reason", Attempt::reason),
            new Column("reasoning", Attempt::reasoning),
            new Column("diff", Attempt::diff));

    private AttemptExport() {}

    /** The column names, in order. */
    public static List<String> columns() {
        return COLUMNS.stream().map(Column::name).toList();
    }

    /** The attempts in a format: CSV with a header record, or one JSON object per line. */
    public static String render(Format format, List<Attempt> attempts, ObjectMapper json) {
        return switch (format) {
            case CSV -> csv(attempts);
            case JSONL -> jsonl(attempts, json);
        };
    }

    public static String csv(List<Attempt> attempts) {
        StringBuilder out = new StringBuilder(Csv.record(columns()));
        for (Attempt attempt : attempts) {
            List<String> fields = new ArrayList<>();
            COLUMNS.forEach(column -> fields.add(text(column.value().apply(attempt))));
            out.append(Csv.record(fields));
        }
        return out.toString();
    }

    public static String jsonl(List<Attempt> attempts, ObjectMapper json) {
        StringBuilder out = new StringBuilder();
        for (Attempt attempt : attempts) {
            try {
                out.append(json.writeValueAsString(row(attempt, json))).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an attempt cannot be written as JSON: " + attempt.proposal(), e);
            }
        }
        return out.toString();
    }

    /** One attempt as a JSON object with the export's columns. */
    public static ObjectNode row(Attempt attempt, ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        COLUMNS.forEach(column -> node.set(column.name(), json.valueToTree(column.value().apply(attempt))));
        return node;
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> "";
            case Double d -> BigDecimal.valueOf(d).toPlainString();
            case List<?> list -> String.join(";", list.stream().map(String::valueOf).toList());
            default -> String.valueOf(value);
        };
    }

    private static Double figure(Metrics metrics, ToDoubleFunction<Metrics> figure) {
        return metrics == null ? null : finite(figure.applyAsDouble(metrics));
    }

    /** A figure of the attempt's change, in percent; {@code null} when unmeasured, unknown or unbounded. */
    private static Double percent(Attempt attempt, ToDoubleFunction<Change> figure) {
        return Change.of(attempt).map(c -> finite(100 * figure.applyAsDouble(c))).orElse(null);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
