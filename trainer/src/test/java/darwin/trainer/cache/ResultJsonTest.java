package darwin.trainer.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result files written before results carried the harness-failure flag read as they did then. */
class ResultJsonTest {

    private static final String VARIANT = "3f2a9c1e0b7d4a65";

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ResultJsonTest.class.getResourceAsStream("/result-cache/" + name)) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            return in.readAllBytes();
        }
    }

    @Test
    void aResultCachedBeforeTheFlagReadsAndWritesBackByteForByte() throws IOException {
        for (String name : new String[] {"ok-before-flag.json", "diverged-before-flag.json"}) {
            byte[] before = fixture(name);
            ResultJson.Entry entry = ResultJson.read(before);
            assertFalse(entry.result().harnessFailure(), name);
            assertArrayEquals(before, ResultJson.write(entry.key(), entry.result()),
                    name + ": the file of a cached result is what it was before the flag");
        }
        ResultJson.Entry ok = ResultJson.read(fixture("ok-before-flag.json"));
        assertEquals(new ResultKey(VARIANT, Budget.steps(20), 1337, "cpu()"), ok.key());
        assertEquals(EvaluationStatus.OK, ok.result().status());
        assertEquals(2.5, ok.result().metrics().valLoss());
        assertEquals(EvaluationStatus.DIVERGED, ResultJson.read(fixture("diverged-before-flag.json")).result().status());
    }

    @Test
    void aHarnessFailureWrittenBeforeTheFlagIsKnownByItsReason() throws IOException {
        EvaluationResult result = ResultJson.read(fixture("harness-failure-before-flag.json")).result();
        assertTrue(result.harnessFailure());
        assertEquals("the harness failed: cannot run the training process: no such file", result.reason());
        assertFalse(ResultCache.cacheable(result));
    }

    @Test
    void theFlagIsWrittenWhenTrueAndReadBeforeTheReason() throws IOException {
        ResultKey key = new ResultKey(VARIANT, Budget.seconds(30), 7, "cpu()");
        EvaluationResult flagged = new EvaluationResult(EvaluationStatus.RUNTIME_ERROR, "no prefix here", null, "", true);
        byte[] written = ResultJson.write(key, flagged);
        assertTrue(new String(written, StandardCharsets.UTF_8).contains("\"harnessFailure\" : true"));
        assertEquals(flagged, ResultJson.read(written).result());

        String unflagged = new String(fixture("harness-failure-before-flag.json"), StandardCharsets.UTF_8)
                .replace("\"logTail\" : \"\"", "\"logTail\" : \"\", \"harnessFailure\" : false");
        assertFalse(ResultJson.read(unflagged.getBytes(StandardCharsets.UTF_8)).result().harnessFailure(),
                "the flag, where there is one, decides");
        String bad = unflagged.replace("\"harnessFailure\" : false", "\"harnessFailure\" : \"yes\"");
        assertThrows(IllegalArgumentException.class, () -> ResultJson.read(bad.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCacheOverAFolderOfOldFilesAnswersFromThem(@TempDir Path root) throws IOException {
        ResultKey key = new ResultKey(VARIANT, Budget.steps(20), 1337, "cpu()");
        Path file = root.resolve(VARIANT).resolve(ResultFiles.FOLDER).resolve(key.fileStem() + ".json");
        Files.createDirectories(file.getParent());
        Files.write(file, fixture("ok-before-flag.json"));
        Optional<EvaluationResult> cached = ResultCache.under(root).get(key);
        assertTrue(cached.isPresent());
        assertEquals(ResultJson.read(fixture("ok-before-flag.json")).result(), cached.get());
    }

    @Test
    void aNonFiniteFigureIsWrittenAsTextAndReadsBack() throws IOException {
        ResultKey key = new ResultKey(VARIANT, Budget.equalTime(20), 3, "cpu()");
        EvaluationResult result = new EvaluationResult(EvaluationStatus.OK, "", new darwin.core.Metrics(Double.NaN,
                Double.POSITIVE_INFINITY, 0.5, 100, 1000, 10, 12345, 6.0e5, 1.0e11, 3.5, 2.5, "cpu()"), "", false);
        byte[] written = ResultJson.write(key, result);
        String text = new String(written, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"valLoss\" : \"NaN\"") && text.contains("\"perplexity\" : \"Infinity\""), text);
        assertEquals(result, ResultJson.read(written).result());
        assertEquals(key, ResultJson.read(written).key());
    }

    @Test
    void aFileOfAnotherShapeIsRefusedNotGuessed() throws IOException {
        String ok = new String(fixture("ok-before-flag.json"), StandardCharsets.UTF_8);
        for (String bad : new String[] {
            ok.replace("\"seed\" : 1337", "\"seed\" : \"1337\""),
            ok.replace("\"steps\" : 20\n", "\"steps\" : 20.5\n"),
            ok.replace("\"steps\" : 20\n", "\"steps\" : 20, \"seconds\" : 3.0\n"),
            ok.replace("\"steps\" : 20\n", "\"minutes\" : 20\n"),
            ok.replace("\"schema\" : 2", "\"schema\" : 1"),
            ok.replace("\"status\" : \"OK\"", "\"status\" : \"FINE\""),
            ok.replace("\"reason\"", "\"why\""),
        }) {
            assertTrue(!bad.equals(ok), "the replacement applies");
            assertThrows(IllegalArgumentException.class, () -> ResultJson.read(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
        assertThrows(IOException.class, () -> ResultJson.read("{\"schema\" : 2,".getBytes(StandardCharsets.UTF_8)));
    }
}
