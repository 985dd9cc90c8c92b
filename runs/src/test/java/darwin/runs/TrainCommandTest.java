package darwin.runs;

import static darwin.runs.Cli.darwin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import darwin.runs.Cli.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class TrainCommandTest {

    @Test
    void trainPrintsOneJsonObjectWithTheMeasuredKeys(@TempDir Path dir) throws Exception {
        Outcome outcome = darwin("train", "--steps", "5", "--json", "--peak-flops", "1e11", "--out", dir.toString());
        assertEquals(0, outcome.status(), outcome.err() + outcome.out());
        JsonNode json = new ObjectMapper().readTree(outcome.out());
        for (String key : List.of("status", "valLoss", "perplexity", "mfu", "tokensPerSecond", "tokensTrained", "steps",
                "parameters", "flopsPerToken", "peakFlops", "wallSeconds", "device")) {
            assertTrue(json.has(key), "missing " + key + " in " + outcome.out());
        }
        assertEquals("OK", json.get("status").asText());
        assertEquals(5, json.get("steps").asInt());
        assertEquals(5 * 12 * 64, json.get("tokensTrained").asInt());
        assertEquals(804_096, json.get("parameters").asInt());
        assertEquals(1e11, json.get("peakFlops").asDouble());
        assertEquals(5, Files.readAllLines(dir.resolve("curve.jsonl")).size());
        assertTrue(outcome.err().contains("training for 5 steps"), outcome.err());
    }

    @Test
    void trainWithoutJsonPrintsASummary(@TempDir Path dir) {
        Outcome outcome = darwin("train", "--budget-seconds", "1", "--peak-flops", "1e11", "--out", dir.toString());
        assertEquals(0, outcome.status(), outcome.err());
        assertTrue(outcome.out().contains("held-out loss"), outcome.out());
        assertTrue(outcome.out().contains("MFU"), outcome.out());
        assertTrue(outcome.out().contains(dir.resolve("curve.jsonl").toString()), outcome.out());
    }

    @Test
    void badBudgetsAreClearErrors() {
        Outcome zero = darwin("train", "--steps", "0");
        assertEquals(2, zero.status());
        assertTrue(zero.err().contains("at least 1 step"), zero.err());
        Outcome both = darwin("train", "--steps", "5", "--budget-seconds", "3");
        assertEquals(2, both.status());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        Outcome words = darwin("train", "--steps", "many");
        assertEquals(2, words.status());
        assertTrue(words.err().contains("many"), words.err());
        Outcome negative = darwin("train", "--budget-seconds", "-4");
        assertEquals(2, negative.status());
        assertTrue(negative.err().contains("positive number of seconds"), negative.err());
    }

    @Test
    void badMeasurementOptionsAreClearErrors() {
        Outcome every = darwin("train", "--steps", "1", "--held-out-every", "0");
        assertEquals(2, every.status());
        assertTrue(every.err().contains("--held-out-every must be at least 1"), every.err());
        Outcome both = darwin("train", "--steps", "1", "--recalibrate", "--peak-flops", "1e11");
        assertEquals(2, both.status());
        assertTrue(both.err().contains("exclude each other"), both.err());
    }
}
