package darwin.trainer.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import darwin.core.EvaluationStatus;
import darwin.trainer.harness.SpeedRatio;
import darwin.trainer.measure.FlopCount;
import java.util.Optional;

/**
 * The JSON form of the children's reports, as the parent reads it (with Jackson) from the signed
 * line; the child writes its {@link TrainReport} or {@link ScoreReport} with {@link ReportWriter},
 * which needs no Jackson (then {@link ChildReport} signs the line).
 *
 * <pre>{@code
 * training: {"status": "TRAINED" | a failure's status, "reason": "…", "harnessFailure": true,
 *            "trainingTokens": 1003854, "engineReadySeconds": 0.9, "logTail": "…",
 *            "steps": 20, "tokens": 15360, "trainSeconds": 2.1, "weightsSha256": "…",
 *            "grantedTokens": 15360, "flopsPerToken": 8.1E9,
 *            "speedProbes": {"ratio": …, "spread": …, "referenceTokensPerSecond": …,
 *                            "variantTokensPerSecond": …, "seconds": …, "pairs": 3,
 *                            "calibratedReferenceTokensPerSecond": …}}
 * scoring:  {"status": "OK" | a failure's status, "reason": "…", "harnessFailure": true,
 *            "engineReadySeconds": 0.8, "heldOutSeconds": …, "scoringSeconds": …,
 *            "parameters": …, "matmulParameters": …, "layers": …, "width": …, "contextLength": …}
 * }</pre>
 *
 * <p>The scoring report carries no held-out loss: the parent computes it from the logits file
 * ({@link LogitsFile}), and a field the reader does not know, a {@code valLoss} among them, is
 * ignored. A failure has a reason and no trained or scored figures; {@code harnessFailure} is there only
 * when true; a trained report has no reason. Every figure a script reads by its name ending in
 * {@code Seconds} keeps that name (scripts/bench-evaluate.sh).
 *
 * <p>Reading is strict: a field of the wrong type, a status that is neither the success word nor a
 * failure's status, or figures the records reject is an {@link IllegalArgumentException} naming
 * it. Such a report was signed with the child's key, so only the harness's code in the child (or a
 * program that reached into it) made it; the parent counts it as a {@code VIOLATION}.
 */
final class ReportJson {

    private static final String TRAINED = ReportWriter.TRAINED;
    private static final String SCORED = ReportWriter.SCORED;

    private ReportJson() {}

    static TrainReport readTrain(JsonNode json) {
        object(json, "the report");
        String status = text(json, "status");
        TrainReport.Ending ending = status.equals(TRAINED)
                ? new TrainReport.Trained(integer(json, "steps"), integer(json, "tokens"), number(json, "trainSeconds"),
                        readGrant(json), text(json, "weightsSha256"))
                : readFailure(json, status);
        return new TrainReport(ending, integer(json, "trainingTokens"), number(json, "engineReadySeconds"),
                optionalText(json, "logTail"));
    }

    static ScoreReport readScore(JsonNode json) {
        object(json, "the report");
        String status = text(json, "status");
        ScoreReport.Ending ending = status.equals(SCORED)
                ? new ScoreReport.Scored(new FlopCount(integer(json, "parameters"),
                        integer(json, "matmulParameters"), smallInteger(json, "layers"), smallInteger(json, "width"),
                        smallInteger(json, "contextLength")))
                : readFailure(json, status);
        Optional<ScoreReport.Times> times = json.has("scoringSeconds")
                ? Optional.of(new ScoreReport.Times(number(json, "heldOutSeconds"), number(json, "scoringSeconds")))
                : Optional.empty();
        return new ScoreReport(ending, number(json, "engineReadySeconds"), times);
    }

    private static ReportedFailure readFailure(JsonNode json, String status) {
        EvaluationStatus failed;
        try {
            failed = EvaluationStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + status + "\" is not a status");
        }
        JsonNode flag = json.path("harnessFailure");
        if (!flag.isMissingNode() && !flag.isBoolean()) {
            throw new IllegalArgumentException("\"harnessFailure\" must be true or false");
        }
        return new ReportedFailure(failed, text(json, "reason"), flag.booleanValue());
    }

    private static GrantReport readGrant(JsonNode json) {
        long granted = json.has("grantedTokens") ? integer(json, "grantedTokens") : 0;
        double flopsPerToken = json.has("flopsPerToken") ? number(json, "flopsPerToken") : 0;
        if (!json.has("speedProbes")) {
            return new GrantReport(granted, flopsPerToken, null, 0);
        }
        JsonNode probes = object(json.get("speedProbes"), "\"speedProbes\"");
        SpeedRatio speed = new SpeedRatio(number(probes, "ratio"), number(probes, "spread"),
                number(probes, "referenceTokensPerSecond"), number(probes, "variantTokensPerSecond"),
                number(probes, "seconds"), smallInteger(probes, "pairs"));
        return new GrantReport(granted, flopsPerToken, speed, number(probes, "calibratedReferenceTokensPerSecond"));
    }

    private static JsonNode object(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return node;
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = json.path(name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("\"" + name + "\" must be a string");
        }
        return value.textValue();
    }

    private static Optional<String> optionalText(JsonNode json, String name) {
        return json.has(name) ? Optional.of(text(json, name)) : Optional.empty();
    }

    private static long integer(JsonNode json, String name) {
        JsonNode value = json.path(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("\"" + name + "\" must be an integer");
        }
        return value.longValue();
    }

    private static int smallInteger(JsonNode json, String name) {
        JsonNode value = json.path(name);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException("\"" + name + "\" must be an integer of 32 bits");
        }
        return value.intValue();
    }

    private static double number(JsonNode json, String name) {
        JsonNode value = json.path(name);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("\"" + name + "\" must be a number");
        }
        return value.doubleValue();
    }
}
