package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.EvaluationStatus;
import darwin.trainer.harness.SpeedRatio;
import darwin.trainer.json.JsonObject;
import darwin.trainer.measure.FlopCount;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HASH = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final SpeedRatio SPEED = new SpeedRatio(0.93, 0.02, 2000, 1860, 4.5, 3);

    static TrainReport trained(GrantReport grant) {
        return new TrainReport(new TrainReport.Trained(20, 15_360, 2.25, grant, HASH), 1_003_854, 0.875,
                Optional.of("step 20 loss 2.5"));
    }

    static ScoreReport scored() {
        return new ScoreReport(new ScoreReport.Scored(new FlopCount(804_096, 800_000, 4, 128, 64)), 0.75,
                Optional.of(new ScoreReport.Times(1.5, 2.0)));
    }

    /** Through the wire as a parent meets it: framed, signed, found in the output, read. */
    private static JsonNode throughTheWire(JsonObject json) {
        byte[] key = ChildReport.newKey();
        return ChildReport.find(key, "noise\n" + ChildReport.frame(key, json) + "\n").orElseThrow();
    }

    @Test
    void aTrainedReportRoundTripsWithEveryKindOfGrant() {
        for (GrantReport grant : List.of(GrantReport.NONE, new GrantReport(123_457, 8.1e9, null, 0),
                new GrantReport(40_000, 0, SPEED, 2000))) {
            TrainReport report = trained(grant);
            assertEquals(report, ReportJson.readTrain(throughTheWire(ReportWriter.write(report))));
        }
    }

    @Test
    void everyKindOfFailureRoundTrips() {
        List<TrainReport> trainFailures = List.of(
                new TrainReport(ReportedFailure.of(EvaluationStatus.VIOLATION, "the entry class is abstract"), 10, 0.5,
                        Optional.empty()),
                new TrainReport(ReportedFailure.of(EvaluationStatus.DIVERGED, "loss became NaN at step 3"), 10, 0.5,
                        Optional.of("step 3 loss NaN")),
                new TrainReport(new ReportedFailure(EvaluationStatus.RUNTIME_ERROR,
                        "the harness failed: cannot write the training curve", true), 0, 0, Optional.empty()));
        for (TrainReport report : trainFailures) {
            assertEquals(report, ReportJson.readTrain(throughTheWire(ReportWriter.write(report))));
        }
        List<ScoreReport> scoreFailures = List.of(
                new ScoreReport(ReportedFailure.of(EvaluationStatus.VIOLATION, "the model looks ahead"), 0.5,
                        Optional.of(new ScoreReport.Times(0, 1.5))),
                new ScoreReport(ReportedFailure.of(EvaluationStatus.RUNTIME_ERROR, "newModel failed"), 0.5, Optional.empty()));
        for (ScoreReport report : scoreFailures) {
            assertEquals(report, ReportJson.readScore(throughTheWire(ReportWriter.write(report))));
        }
        assertEquals(scored(), ReportJson.readScore(throughTheWire(ReportWriter.write(scored()))));
    }

    @Test
    void theFieldsKeepTheirNamesAndTheBenchmarkFindsEverySecondsFigure() {
        ObjectNode train = tree(ReportWriter.write(trained(new GrantReport(40_000, 0, SPEED, 2000))));
        assertEquals("TRAINED", train.path("status").asText());
        assertEquals(HASH, train.path("weightsSha256").asText());
        assertEquals(2000, train.path("speedProbes").path("calibratedReferenceTokensPerSecond").asDouble());
        assertFalse(train.has("reason"), "a trained report has no reason");
        assertFalse(train.has("harnessFailure"), "the flag is there only when true");
        assertEquals(List.of("trainSeconds", "engineReadySeconds"), secondsFigures(train));

        ObjectNode score = tree(ReportWriter.write(scored()));
        assertEquals("OK", score.path("status").asText());
        assertEquals(List.of("engineReadySeconds", "heldOutSeconds", "scoringSeconds"), secondsFigures(score));
        assertFalse(score.has("valLoss"), "the scoring child computes no loss");
    }

    /** What the parent reads of what a child wrote. */
    private static ObjectNode tree(JsonObject json) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(json.toString());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> secondsFigures(ObjectNode json) {
        return StreamSupport.stream(((Iterable<String>) json::fieldNames).spliterator(), false)
                .filter(name -> name.endsWith("Seconds")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[1, 2]",
        "{\"status\": \"OK\", \"steps\": 999999, \"tokens\": 999999999, \"trainSeconds\": 0.001}",
        "{\"status\": \"WARM-UP\", \"reason\": \"x\", \"trainingTokens\": 1, \"engineReadySeconds\": 0}",
        "{\"status\": \"RUNTIME_ERROR\", \"trainingTokens\": 1, \"engineReadySeconds\": 0}",
        "{\"status\": \"RUNTIME_ERROR\", \"reason\": 7, \"trainingTokens\": 1, \"engineReadySeconds\": 0}",
        "{\"status\": \"RUNTIME_ERROR\", \"reason\": \"x\", \"harnessFailure\": \"yes\", \"trainingTokens\": 1,"
                + " \"engineReadySeconds\": 0}",
        "{\"status\": \"TRAINED\", \"steps\": -5, \"tokens\": 10, \"trainSeconds\": 1, \"weightsSha256\": \"" + HASH + "\","
                + " \"trainingTokens\": 1, \"engineReadySeconds\": 0, \"logTail\": \"\"}",
        "{\"status\": \"TRAINED\", \"steps\": 5, \"tokens\": 10, \"trainSeconds\": \"fast\", \"weightsSha256\": \"" + HASH
                + "\", \"trainingTokens\": 1, \"engineReadySeconds\": 0, \"logTail\": \"\"}",
        "{\"status\": \"TRAINED\", \"steps\": 5, \"tokens\": 10, \"trainSeconds\": 1, \"weightsSha256\": \"feed\","
                + " \"trainingTokens\": 1, \"engineReadySeconds\": 0, \"logTail\": \"\"}",
        "{\"status\": \"TRAINED\", \"steps\": 5, \"tokens\": 10, \"trainSeconds\": 1, \"weightsSha256\": \"" + HASH + "\","
                + " \"trainingTokens\": 1, \"engineReadySeconds\": 0}",
        "{\"status\": \"TRAINED\", \"steps\": 5, \"tokens\": 10, \"trainSeconds\": 1, \"weightsSha256\": \"" + HASH + "\","
                + " \"trainingTokens\": 1, \"engineReadySeconds\": 0, \"logTail\": \"\", \"speedProbes\": {\"ratio\": -1}}"
    })
    void aMalformedTrainingReportIsRejectedWithWhatIsWrong(String json) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportJson.readTrain(JSON.readTree(json)));
        assertFalse(e.getMessage() == null || e.getMessage().isBlank(), json);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"status\": \"OK\", \"parameters\": -10, \"matmulParameters\": 5, \"layers\": 1, \"width\": 1,"
                + " \"contextLength\": 1, \"engineReadySeconds\": 0}",
        "{\"status\": \"OK\", \"parameters\": 10, \"matmulParameters\": 50, \"layers\": 1, \"width\": 1,"
                + " \"contextLength\": 1, \"engineReadySeconds\": 0}",
        "{\"status\": \"OK\", \"valLoss\": 1.5, \"engineReadySeconds\": 0}",
        "{\"status\": \"OK\", \"parameters\": \"10\", \"matmulParameters\": 5, \"layers\": 1, \"width\": 1,"
                + " \"contextLength\": 1, \"engineReadySeconds\": 0}",
        "{\"status\": \"OK\", \"parameters\": 10, \"matmulParameters\": 5, \"layers\": 1, \"width\": 1,"
                + " \"contextLength\": 1, \"engineReadySeconds\": 0, \"checkSeconds\": 1, \"scoringSeconds\": 1}",
        "{\"status\": \"TRAINED\", \"engineReadySeconds\": 0}",
        "{\"status\": \"DIVERGED\", \"reason\": \"x\", \"engineReadySeconds\": -3}"
    })
    void aMalformedScoringReportIsRejectedWithWhatIsWrong(String json) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportJson.readScore(JSON.readTree(json)));
        assertFalse(e.getMessage() == null || e.getMessage().isBlank(), json);
    }

    @Test
    void anOkStatusIsNoFailureOfTraining() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportJson.readTrain(JSON.readTree("{\"status\": \"OK\", \"reason\": \"fine\", \"trainingTokens\": 1,"
                        + " \"engineReadySeconds\": 0}")));
        assertTrue(e.getMessage().contains("not OK"), e.getMessage());
    }
}
