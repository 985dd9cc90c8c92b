package darwin.runs;

import static darwin.runs.Cli.darwin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.stats.Interval;
import darwin.core.stats.Noise;
import darwin.memory.ConfirmedGain;
import darwin.memory.NoiseFloor;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import darwin.runs.Cli.Outcome;
import darwin.runs.report.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code darwin status} on the hand-made run of the report's tests, before and after its noise was measured. */
class StatusCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anOlderRunSaysItsNoiseAndGainAreNotMeasuredYet(@TempDir Path tmp) throws Exception {
        Path dir = Fixtures.copy(tmp);
        Outcome text = darwin("status", dir.toString());
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("noise floor: not measured yet\n"), text.out());
        assertTrue(text.out().contains("confirmed gain: not measured yet (the best figure is unconfirmed)"),
                text.out());
        assertTrue(text.out().contains("best so far " + Fixtures.D + ": perplexity 11.000"), text.out());
        JsonNode json = JSON.readTree(darwin("status", dir.toString(), "--json").out());
        assertFalse(json.path("noiseFloor").path("measured").asBoolean(true));
        assertFalse(json.path("confirmed").path("measured").asBoolean(true));
        assertEquals(Fixtures.D, json.path("best").path("variant").asText(), json.toString());
        assertEquals(11.0, json.path("best").path("perplexity").asDouble(), 1e-9);
        assertEquals(1, json.path("best").path("evaluations").asInt(), json.toString());
    }

    @Test
    void theNoiseFloorAndTheConfirmedGainAreShownWithTheirSpread(@TempDir Path tmp) throws Exception {
        Path dir = Fixtures.copy(tmp);
        RunDirectory run = new RunDirectory(dir);
        RunState state = RunState.load(run.state(), JSON)
                .withNoiseFloor(new NoiseFloor("seconds-5.0", 5, new Noise(0.012, 4), Noise.UNKNOWN))
                .withConfirmed(new ConfirmedGain(Fixtures.D, Fixtures.SEED, "seconds-5.0", 8,
                        new Interval(-0.12, -0.15, -0.09, 0.95), new Interval(0.02, -0.01, 0.05, 0.95),
                        Instant.parse("2026-11-22T07:00:00Z")));
        state.save(run.state(), JSON);
        Outcome text = darwin("status", dir.toString());
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("noise floor: seed evaluated 5 times at seconds-5.0: perplexity ±1.2% (4 degrees of"
                + " freedom), MFU spread unknown"), text.out());
        assertTrue(text.out().contains("confirmed gain: " + Fixtures.D + " against the seed " + Fixtures.SEED
                + ", 8 evaluations each at seconds-5.0: perplexity -12.0% [-15.0%, -9.0%], significant at 95%;"
                + " MFU +2.0% [-1.0%, +5.0%]"), text.out());
        JsonNode json = JSON.readTree(darwin("status", dir.toString(), "--json").out());
        JsonNode floor = json.path("noiseFloor");
        assertTrue(floor.path("measured").asBoolean());
        assertEquals(5, floor.path("replicates").asInt());
        assertEquals(1.2, floor.path("perplexitySdPercent").asDouble(), 1e-9);
        assertTrue(floor.path("mfuSdPercent").isNull(), "unknown, not 0");
        JsonNode gain = json.path("confirmed");
        assertTrue(gain.path("significant").asBoolean());
        assertEquals(-12.0, gain.path("perplexityChangePercent").asDouble(), 1e-9);
        assertEquals(-9.0, gain.path("perplexityChangeHighPercent").asDouble(), 1e-9);
        assertEquals(8, gain.path("repeat").asInt());

        state.withConfirmed(new ConfirmedGain(Fixtures.D, Fixtures.SEED, "seconds-5.0", 2,
                new Interval(-0.05, -0.30, 0.20, 0.95), new Interval(0, -0.1, 0.1, 0.95), Instant.now())).save(run.state(), JSON);
        assertTrue(darwin("status", dir.toString()).out().contains("perplexity -5.0% [-30.0%, +20.0%], not significant at 95%"));
    }

    @Test
    void whatTheLedgerSaysIsShownWithItsControlCharactersVisible(@TempDir Path tmp) throws Exception {
        Path dir = Fixtures.copy(tmp);
        String status = "OK" + Shown.HOSTILE;
        Files.writeString(new RunDirectory(dir).ledger(), "{\"schema\": 1, \"id\": \"000017-0000abd0\", \"seq\": 17, \"type\":"
                + " \"PROPOSAL\", \"time\": \"2026-11-22T05:14:00Z\", \"data\": {\"key\": \"g3-s0\", \"status\": "
                + JSON.writeValueAsString(status)
                + ", \"cost\": 0.0}}\n", StandardOpenOption.APPEND);
        Outcome text = darwin("status", dir.toString());
        assertEquals(0, text.status(), text.err());
        Shown.assertSafe(text.out());
        assertTrue(text.out().contains("OK\\e[31mred"), text.out());
        Outcome json = darwin("status", dir.toString(), "--json");
        Shown.assertSafe(json.out());
        assertEquals(1, JSON.readTree(json.out()).path("proposals").path(status).asInt(), "the JSON keeps the exact text");
    }
}
