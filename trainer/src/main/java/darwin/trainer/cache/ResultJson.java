package darwin.trainer.cache;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
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

    /**
     * Records to and from the file, strictly: an integer must be an integer and a flag a boolean, not
     * text or a fraction; a double may be the text of a non-finite value, as it is written.
     */
    private static final ObjectMapper JSON = strict();

    private ResultJson() {}

    /** A result with the key it was stored under. */
    record Entry(ResultKey key, EvaluationResult result) {}

    static byte[] write(ResultKey key, EvaluationResult result) throws IOException {
        ResultFile file = new ResultFile(SCHEMA, new KeyFile(key.variantId(), BudgetFile.of(key.budget()), key.seed(),
                key.device()), result.status(), result.reason(), result.metrics(), result.logTail(),
                result.harnessFailure() ? Boolean.TRUE : null);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(file);
    }

    /**
     * Reads a result file's content.
     *
     * @throws IOException when it is not JSON
     * @throws IllegalArgumentException when it is JSON of another shape or schema
     */
    static Entry read(byte[] content) throws IOException {
        ResultFile file;
        try {
            file = JSON.readValue(content, ResultFile.class);
        } catch (StreamReadException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
        if (file == null) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (file.schema() != SCHEMA) {
            throw new IllegalArgumentException("schema " + file.schema() + ", expected " + SCHEMA);
        }
        ResultKey key = new ResultKey(file.key().variantId(), file.key().budget().budget(), file.key().seed(),
                file.key().device());
        boolean harnessFailure = file.harnessFailure() != null ? file.harnessFailure()
                : EvaluationResult.recordedAsHarnessFailure(file.reason());
        return new Entry(key, new EvaluationResult(file.status(), file.reason(), file.metrics(), file.logTail(),
                harnessFailure));
    }

    private static ObjectMapper strict() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Boolean, LogicalType.Textual}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, type == LogicalType.Textual
                    ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** The file: the key it answers, and the result. */
    @JsonPropertyOrder({"schema", "key", "status", "reason", "metrics", "logTail", "harnessFailure"})
    private record ResultFile(
            @JsonProperty(required = true) int schema,
            @JsonProperty(required = true) KeyFile key,
            @JsonProperty(required = true) EvaluationStatus status,
            @JsonProperty(required = true) String reason,
            @JsonProperty(required = true) Metrics metrics,
            @JsonProperty(required = true) String logTail,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean harnessFailure) {

        ResultFile {
            requireNonNull(key, "key");
            requireNonNull(status, "status");
            requireNonNull(reason, "reason");
            requireNonNull(logTail, "logTail");
        }
    }

    /** A {@link ResultKey}, its budget written by kind. */
    @JsonPropertyOrder({"variantId", "budget", "seed", "device"})
    private record KeyFile(
            @JsonProperty(required = true) String variantId,
            @JsonProperty(required = true) BudgetFile budget,
            @JsonProperty(required = true) long seed,
            @JsonProperty(required = true) String device) {

        KeyFile {
            requireNonNull(variantId, "variantId");
            requireNonNull(budget, "budget");
            requireNonNull(device, "device");
        }
    }

    /** A budget as an object with exactly one field, named by its kind: {@code {"steps": 2000}}. */
    @JsonPropertyOrder({"steps", "seconds", "tokens", "flops", "equalTime"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record BudgetFile(Long steps, Double seconds, Long tokens, Double flops, Double equalTime) {

        BudgetFile {
            long kinds = java.util.stream.Stream.of(steps, seconds, tokens, flops, equalTime)
                    .filter(java.util.Objects::nonNull).count();
            if (kinds != 1) {
                throw new IllegalArgumentException("a budget has one kind, got " + kinds);
            }
        }

        static BudgetFile of(Budget budget) {
            return switch (budget) {
                case Budget.Steps(long steps) -> new BudgetFile(steps, null, null, null, null);
                case Budget.Seconds(double seconds) -> new BudgetFile(null, seconds, null, null, null);
                case Budget.Tokens(long tokens) -> new BudgetFile(null, null, tokens, null, null);
                case Budget.Flops(double flops) -> new BudgetFile(null, null, null, flops, null);
                case Budget.EqualTime(double seconds) -> new BudgetFile(null, null, null, null, seconds);
            };
        }

        Budget budget() {
            if (steps != null) {
                return Budget.steps(steps);
            }
            if (seconds != null) {
                return Budget.seconds(seconds);
            }
            if (tokens != null) {
                return Budget.tokens(tokens);
            }
            return flops != null ? Budget.flops(flops) : Budget.equalTime(equalTime);
        }
    }

    private static void requireNonNull(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("\"" + name + "\" must not be null");
        }
    }
}
