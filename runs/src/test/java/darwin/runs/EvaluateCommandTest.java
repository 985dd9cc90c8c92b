package darwin.runs;

import static darwin.runs.Cli.darwin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import darwin.runs.Cli.Outcome;
import darwin.trainer.data.Corpus;
import darwin.trainer.resources.DatasetRef;
import darwin.trainer.resources.ResourceStore;
import darwin.trainer.resources.VariantResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(180)
class EvaluateCommandTest {

    @Test
    void seedThenEvaluateThenCachedAgain(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("v");
        Outcome seed = darwin("seed", "--out", dir.toString());
        assertEquals(0, seed.status(), seed.err());
        assertTrue(Files.isRegularFile(dir.resolve("variant.json")));
        assertTrue(Files.isRegularFile(dir.resolve("program/darwin/program/NanoGpt.java")));
        assertTrue(Files.isRegularFile(dir.resolve("harness/darwin/trainer/api/TrainingProgram.java")));

        Outcome first = darwin("evaluate", dir.toString(), "--steps", "5", "--json", "--peak-flops", "1e11");
        assertEquals(0, first.status(), first.err() + first.out());
        JsonNode json = new ObjectMapper().readTree(first.out());
        for (String key : List.of("variant", "cached", "status", "reason", "valLoss", "perplexity", "mfu", "tokensPerSecond",
                "tokensTrained", "steps", "parameters", "flopsPerToken", "peakFlops", "wallSeconds", "device")) {
            assertTrue(json.has(key), "missing " + key + " in " + first.out());
        }
        assertEquals("OK", json.get("status").asText());
        assertFalse(json.get("cached").asBoolean());
        assertEquals(5, json.get("steps").asInt());

        Outcome second = darwin("evaluate", dir.toString(), "--steps", "5", "--json", "--peak-flops", "1e11");
        JsonNode again = new ObjectMapper().readTree(second.out());
        assertTrue(again.get("cached").asBoolean(), second.out());
        assertEquals(json.get("valLoss").asDouble(), again.get("valLoss").asDouble());
        assertTrue(second.err().contains("cached result"), second.err());
    }

    @Test
    void repeatedEvaluationsReportTheirSpread(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("v");
        assertEquals(0, darwin("seed", "--out", dir.toString()).status());
        Outcome outcome = darwin("evaluate", dir.toString(), "--steps", "2", "--repeat", "2", "--json", "--peak-flops", "1e11");
        assertEquals(0, outcome.status(), outcome.err());
        JsonNode json = new ObjectMapper().readTree(outcome.out());
        assertEquals(2, json.get("runs").size());
        assertEquals(2, json.get("summary").get("measured").asInt());
        double a = json.get("runs").get(0).get("valLoss").asDouble();
        double b = json.get("runs").get(1).get("valLoss").asDouble();
        assertEquals((a + b) / 2, json.get("summary").get("valLossMean").asDouble(), 1e-9);
        assertEquals(Math.abs(a - b) / Math.sqrt(2), json.get("summary").get("valLossStd").asDouble(), 1e-9);
        assertEquals(2, darwin("evaluate", dir.toString(), "--repeat", "0").status());
    }

    @Test
    void aDatasetBesideTheManifestTrainsAndAMissingOneIsNamed(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("v");
        assertEquals(0, darwin("seed", "--out", dir.toString()).status());
        ResourceStore elsewhere = ResourceStore.at(tmp.resolve("store"));
        DatasetRef dataset = elsewhere.addDataset(Files.writeString(tmp.resolve("hamlet.txt"),
                "To be, or not to be, that is the question.\n".repeat(40)), Corpus.tinyShakespeare().tokenizer()).ref();
        Files.createDirectories(dir.resolve("resources"));
        Files.writeString(dir.resolve(VariantResources.MANIFEST), VariantResources.NONE.with(dataset).toJson());

        Outcome missing = darwin("evaluate", dir.toString(), "--steps", "2", "--peak-flops", "1e11");
        assertEquals(1, missing.status(), missing.err());
        assertTrue(missing.out().contains("the harness failed: the dataset 'hamlet.txt' is missing"), missing.out());
        assertTrue(missing.out().contains(dir.resolve("resources").resolve(dataset.fileName()).toString()), missing.out());

        Files.copy(elsewhere.resolve(dataset), dir.resolve("resources").resolve(dataset.fileName()));
        Outcome trained = darwin("evaluate", dir.toString(), "--steps", "2", "--json", "--peak-flops", "1e11");
        assertEquals(0, trained.status(), trained.err() + trained.out());
        JsonNode json = new ObjectMapper().readTree(trained.out());
        assertFalse(json.get("cached").asBoolean(), "a failure of the harness was not cached");
        assertTrue(json.get("reason").asText().contains("1,720 from 1 dataset"), trained.out());
    }

    @Test
    void aBrokenVariantIsAFailedEvaluationNotACrash(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("v");
        assertEquals(0, darwin("seed", "--out", dir.toString()).status());
        Path config = dir.resolve("program/darwin/program/GptConfig.java");
        Files.writeString(config, Files.readString(config).replace("int layers,", "int layers"));
        Outcome outcome = darwin("evaluate", dir.toString(), "--steps", "5", "--peak-flops", "1e11");
        assertEquals(1, outcome.status(), outcome.err());
        assertTrue(outcome.out().contains("COMPILE_ERROR"), outcome.out());
        assertTrue(outcome.out().contains("GptConfig.java"), outcome.out());
    }

    @Test
    void badInputIsAOneLineErrorAndExitStatusTwo(@TempDir Path tmp) throws Exception {
        Outcome missing = darwin("evaluate", tmp.resolve("nowhere").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("is not a directory"), missing.err());

        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Outcome notAVariant = darwin("evaluate", empty.toString());
        assertEquals(2, notAVariant.status());
        assertTrue(notAVariant.err().contains("not a variant"), notAVariant.err());
        assertTrue(notAVariant.err().contains("darwin seed --out"), notAVariant.err());

        Path binary = tmp.resolve("binary");
        assertEquals(0, darwin("seed", "--out", binary.toString()).status());
        Files.write(binary.resolve("program/darwin/program/Blob.java"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        Outcome unreadable = darwin("evaluate", binary.toString());
        assertEquals(2, unreadable.status());
        assertTrue(unreadable.err().contains("Blob.java is not UTF-8 text"), unreadable.err());

        Outcome sandbox = darwin("evaluate", binary.toString(), "--sandbox", "docker");
        assertEquals(2, sandbox.status());
        assertTrue(sandbox.err().contains("--sandbox must be"), sandbox.err());

        Outcome taken = darwin("seed", "--out", binary.toString());
        assertEquals(2, taken.status());
        assertTrue(taken.err().contains("not empty"), taken.err());
    }
}
