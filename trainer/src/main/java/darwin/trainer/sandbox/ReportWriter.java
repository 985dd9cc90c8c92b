package darwin.trainer.sandbox;

import darwin.trainer.harness.SpeedRatio;
import darwin.trainer.json.JsonObject;
import darwin.trainer.measure.FlopCount;

/**
 * The child's side of {@link ReportJson}: writes a {@link TrainReport} or {@link ScoreReport} as
 * the JSON object the parent reads, field for field, with {@link JsonObject}, since Jackson is not
 * on a child's class path ({@link ChildClasspath}). Nothing here may load a class a child lacks.
 */
final class ReportWriter {

    /** The training report's status when the program trained. */
    static final String TRAINED = "TRAINED";

    /** The scoring report's status when the model was scored ({@code EvaluationStatus.OK}). */
    static final String SCORED = "OK";

    private ReportWriter() {}

    static JsonObject write(TrainReport report) {
        JsonObject json = new JsonObject();
        switch (report.ending()) {
            case TrainReport.Trained trained -> {
                json.put("status", TRAINED);
                json.put("steps", trained.steps());
                json.put("tokens", trained.tokens());
                json.put("trainSeconds", trained.trainSeconds());
                json.put("weightsSha256", trained.weightsSha256());
                writeGrant(json, trained.grant());
            }
            case ReportedFailure failure -> writeFailure(json, failure);
        }
        json.put("trainingTokens", report.trainingTokens());
        json.put("engineReadySeconds", report.engineReadySeconds());
        report.logTail().ifPresent(tail -> json.put("logTail", tail));
        return json;
    }

    static JsonObject write(ScoreReport report) {
        JsonObject json = new JsonObject();
        switch (report.ending()) {
            case ScoreReport.Scored scored -> {
                FlopCount flops = scored.flops();
                json.put("status", SCORED);
                json.put("parameters", flops.parameters());
                json.put("matmulParameters", flops.matmulParameters());
                json.put("layers", (long) flops.layers());
                json.put("width", (long) flops.width());
                json.put("contextLength", (long) flops.contextLength());
            }
            case ReportedFailure failure -> writeFailure(json, failure);
        }
        json.put("engineReadySeconds", report.engineReadySeconds());
        report.times().ifPresent(times -> {
            json.put("heldOutSeconds", times.heldOutSeconds());
            json.put("scoringSeconds", times.scoringSeconds());
        });
        return json;
    }

    private static void writeFailure(JsonObject json, ReportedFailure failure) {
        json.put("status", failure.status().name());
        json.put("reason", failure.reason());
        if (failure.harnessFailure()) {
            json.put("harnessFailure", true);
        }
    }

    private static void writeGrant(JsonObject json, GrantReport grant) {
        if (grant.grantedTokens() > 0) {
            json.put("grantedTokens", grant.grantedTokens());
        }
        if (grant.flopsPerToken() > 0) {
            json.put("flopsPerToken", grant.flopsPerToken());
        }
        SpeedRatio speed = grant.speed();
        if (speed != null) {
            JsonObject probes = json.putObject("speedProbes");
            probes.put("ratio", speed.ratio());
            probes.put("spread", speed.spread());
            probes.put("referenceTokensPerSecond", speed.referenceTokensPerSecond());
            probes.put("variantTokensPerSecond", speed.variantTokensPerSecond());
            probes.put("seconds", speed.probeSeconds());
            probes.put("pairs", (long) speed.pairs());
            probes.put("calibratedReferenceTokensPerSecond", grant.referenceThroughput());
        }
    }
}
