package darwin.trainer.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Metrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ResultCacheTest {

    private static final String ID = "0123456789abcdef";
    private static final String OTHER_ID = "fedcba9876543210";
    private static final ResultKey KEY = new ResultKey(ID, Budget.steps(2000), 1337, "cpu()");
    private static final EvaluationResult OK = EvaluationResult.ok(metrics(1.47, 0.21), "step 2000 loss 1.41\n");
    private static final EvaluationResult CRASHED =
            EvaluationResult.failed(EvaluationStatus.RUNTIME_ERROR, "IllegalStateException: boom (at X.y:3)", "tail");

    @TempDir
    Path root;

    private static Metrics metrics(double valLoss, double mfu) {
        return new Metrics(valLoss, Math.exp(valLoss), mfu, 20_000, 1_000, 10, 800, 5e6, 3e11, 2.5, 1.5, "cpu()");
    }

    private static ResultKey withSeed(long seed) {
        return new ResultKey(KEY.variantId(), KEY.budget(), seed, KEY.device());
    }

    private Path resultsOf(String variantId) {
        return root.resolve(variantId).resolve("results");
    }

    @Test
    void aPutIsAMemoryHit() throws IOException {
        ResultCache cache = ResultCache.under(root);
        assertEquals(Optional.empty(), cache.get(KEY));
        assertTrue(cache.put(KEY, OK));
        Files.delete(cache.file(KEY));
        assertEquals(Optional.of(OK), cache.get(KEY), "served from memory");
    }

    @Test
    void everyKindOfBudgetIsWrittenAndReadBackFromItsFile() throws IOException {
        for (Budget budget : List.of(Budget.steps(2000), Budget.seconds(20), Budget.tokens(1_536_000), Budget.flops(1.2e15),
                Budget.equalTime(20))) {
            ResultKey key = new ResultKey(ID, budget, 1337, "cpu()");
            ResultCache.under(root).put(key, OK);
            assertEquals(resultsOf(ID).resolve(budget.key() + "_seed-1337_cpu.json"), ResultCache.under(root).file(key));
            assertEquals(Optional.of(OK), ResultCache.under(root).get(key), budget.key());
        }
        String tokens = Files.readString(resultsOf(ID).resolve("tokens-1536000_seed-1337_cpu.json"));
        assertTrue(tokens.contains("\"tokens\" : 1536000"), tokens);
        assertTrue(Files.readString(resultsOf(ID).resolve("equal-time-20.0_seed-1337_cpu.json")).contains("\"equalTime\" : 20.0"));
    }

    @Test
    void aFreshCacheOverTheSameFolderReadsTheFile() throws IOException {
        ResultCache.under(root).put(KEY, OK);
        ResultCache.under(root).put(withSeed(1), CRASHED);
        assertEquals(resultsOf(ID).resolve("steps-2000_seed-1337_cpu.json"), ResultCache.under(root).file(KEY));

        ResultCache restarted = ResultCache.under(root);
        assertEquals(Optional.of(OK), restarted.get(KEY));
        assertEquals(Optional.of(CRASHED), restarted.get(withSeed(1)));
        Files.delete(restarted.file(KEY));
        assertEquals(Optional.of(OK), restarted.get(KEY), "a disk hit is kept in memory");
    }

    @Test
    void budgetSeedDeviceAndVariantMakeDifferentEntries() throws IOException {
        ResultCache cache = ResultCache.under(root);
        cache.put(KEY, OK);
        List<ResultKey> others = List.of(
                new ResultKey(ID, Budget.steps(2001), 1337, "cpu()"),
                new ResultKey(ID, Budget.seconds(2000), 1337, "cpu()"),
                withSeed(1338),
                new ResultKey(ID, Budget.steps(2000), 1337, "gpu(0)"),
                new ResultKey(OTHER_ID, Budget.steps(2000), 1337, "cpu()"));
        for (ResultKey other : others) {
            assertEquals(Optional.empty(), cache.get(other), other.toString());
            assertEquals(Optional.empty(), ResultCache.under(root).get(other), other.toString());
        }
        for (int i = 0; i < others.size(); i++) {
            cache.put(others.get(i), EvaluationResult.failed(EvaluationStatus.TIMEOUT, "entry " + i, ""));
        }
        ResultCache restarted = ResultCache.under(root);
        assertEquals(Optional.of(OK), restarted.get(KEY));
        for (int i = 0; i < others.size(); i++) {
            assertEquals("entry " + i, restarted.get(others.get(i)).orElseThrow().reason());
        }
    }

    @Test
    void aFileThatHoldsAnotherKeyIsAMiss() throws IOException {
        ResultKey sameFile = new ResultKey(ID, Budget.steps(2000), 1337, "cpu");
        ResultCache cache = ResultCache.under(root);
        cache.put(KEY, OK);
        assertEquals(cache.file(KEY), cache.file(sameFile));
        assertEquals(Optional.empty(), ResultCache.under(root).get(sameFile));
    }

    @Test
    void writesLeaveNoTemporaryFiles() throws IOException {
        ResultCache cache = ResultCache.under(root);
        for (int seed = 0; seed < 5; seed++) {
            cache.put(withSeed(seed), OK);
            cache.put(withSeed(seed), CRASHED);
        }
        try (Stream<Path> files = Files.list(resultsOf(ID))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(5, names.size(), names.toString());
            assertTrue(names.stream().allMatch(n -> n.endsWith(".json") && !n.startsWith(".")), names.toString());
        }
    }

    @Test
    void aCorruptFileIsAMissWithAWarningThenOverwritten() throws IOException {
        ResultCache.under(root).put(KEY, OK);
        Path file = ResultCache.under(root).file(KEY);
        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(ResultCache.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
        try {
            for (String garbage : List.of("{\"schema\": 1, \"key\": ", "[]", "{\"schema\": 99}", "\u0000\u00ff")) {
                Files.writeString(file, garbage, StandardCharsets.ISO_8859_1);
                assertEquals(Optional.empty(), ResultCache.under(root).get(KEY), garbage);
            }
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(true);
        }
        assertEquals(4, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().allMatch(w -> w.contains(file.toString())), warnings.toString());

        ResultCache cache = ResultCache.under(root);
        assertEquals(Optional.empty(), cache.get(KEY));
        cache.put(KEY, CRASHED);
        assertEquals(Optional.of(CRASHED), ResultCache.under(root).get(KEY));
    }

    @Test
    void aResultOfTheEarlierSchemaScoredOnOtherWindowsIsAMiss() throws IOException {
        ResultCache.under(root).put(KEY, CRASHED);
        Path file = ResultCache.under(root).file(KEY);
        assertEquals(Optional.of(CRASHED), ResultCache.under(root).get(KEY));
        Files.writeString(file, Files.readString(file).replaceFirst("\"schema\"\\s*:\\s*2", "\"schema\": 1"));
        assertTrue(Files.readString(file).contains("\"schema\": 1"));
        assertEquals(Optional.empty(), ResultCache.under(root).get(KEY), "schema 1 scored every held-out window");
    }

    @Test
    void nonFiniteMetricsRoundTripAsStandardJson() throws IOException {
        Metrics odd = new Metrics(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                0, 0, 0, 0, 3e11, 0, 0, "gpu(0)");
        EvaluationResult result = EvaluationResult.ok(odd, "");
        ResultCache.under(root).put(KEY, result);
        Path file = ResultCache.under(root).file(KEY);

        JsonNode json = new ObjectMapper().readTree(file.toFile()); // strict: rejects NaN tokens
        assertEquals(2, json.get("schema").intValue());
        assertEquals("NaN", json.get("metrics").get("valLoss").textValue());
        assertEquals("Infinity", json.get("metrics").get("perplexity").textValue());
        assertEquals("-Infinity", json.get("metrics").get("mfu").textValue());
        assertEquals(2000, json.get("key").get("budget").get("steps").longValue());

        Metrics read = ResultCache.under(root).get(KEY).orElseThrow().metrics();
        assertEquals(odd, read);
        assertTrue(Double.isNaN(read.valLoss()));
        assertEquals(Double.POSITIVE_INFINITY, read.perplexity());
        assertEquals(Double.NEGATIVE_INFINITY, read.mfu());
    }

    @Test
    void everyStatusIsCachedButAHarnessFailureIsNot() throws IOException {
        ResultCache cache = ResultCache.under(root);
        for (EvaluationStatus status : EvaluationStatus.values()) {
            EvaluationResult result = status == EvaluationStatus.OK ? OK : EvaluationResult.failed(status, "why", "");
            ResultKey key = withSeed(status.ordinal());
            assertTrue(ResultCache.cacheable(result), status.name());
            assertTrue(cache.put(key, result));
            assertEquals(Optional.of(result), ResultCache.under(root).get(key), status.name());
        }
        EvaluationResult harnessFailure = EvaluationResult.harnessFailure(
                "cannot write the training curve: No space left on device", "");
        assertFalse(ResultCache.cacheable(harnessFailure));
        assertFalse(cache.put(KEY, harnessFailure));
        assertEquals(Optional.empty(), cache.get(KEY));
        assertFalse(Files.exists(cache.file(KEY)));
    }

    @Test
    void invalidateForgetsMemoryAndFile() throws IOException {
        ResultCache cache = ResultCache.under(root);
        cache.put(KEY, OK);
        cache.invalidate(KEY);
        assertFalse(Files.exists(cache.file(KEY)));
        assertEquals(Optional.empty(), cache.get(KEY));
        cache.invalidate(KEY);
    }

    @Test
    void aVariantsOwnFolderHoldsItsResultsOnly() throws IOException {
        Path dir = root.resolve("my-variant");
        ResultCache cache = ResultCache.forVariant(ID, dir);
        cache.put(KEY, OK);
        assertTrue(Files.isRegularFile(dir.resolve("results/steps-2000_seed-1337_cpu.json")));
        assertEquals(Optional.of(OK), ResultCache.forVariant(ID, dir).get(KEY));
        ResultKey other = new ResultKey(OTHER_ID, Budget.steps(2000), 1337, "cpu()");
        assertThrows(IllegalArgumentException.class, () -> cache.get(other));
        assertThrows(IllegalArgumentException.class, () -> cache.put(other, OK));
    }

    @Test
    void rejectsABadBound() {
        assertThrows(IllegalArgumentException.class, () -> new ResultCache(root::resolve, 0));
    }

    @Test
    @Timeout(60)
    void concurrentPutsAndGetsLeaveValidFiles() throws Exception {
        ResultCache cache = new ResultCache(root::resolve, 4); // small bound: gets also go to disk
        List<ResultKey> shared = List.of(KEY, withSeed(1));
        List<EvaluationResult> candidates = List.of(OK, CRASHED, EvaluationResult.ok(metrics(2.0, 0.1), "other"));
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            tasks.add(() -> {
                for (int i = 0; i < 50; i++) {
                    ResultKey own = new ResultKey(thread % 2 == 0 ? ID : OTHER_ID, Budget.steps(100 + thread), i, "cpu");
                    cache.put(own, EvaluationResult.failed(EvaluationStatus.TIMEOUT, thread + "/" + i, ""));
                    assertEquals(thread + "/" + i, cache.get(own).orElseThrow().reason());
                    ResultKey key = shared.get(i % shared.size());
                    cache.put(key, candidates.get((thread + i) % candidates.size()));
                    assertTrue(candidates.contains(cache.get(key).orElseThrow()));
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        ResultCache restarted = ResultCache.under(root);
        for (ResultKey key : shared) {
            assertEquals(cache.get(key), restarted.get(key), "memory and disk agree");
            assertTrue(candidates.contains(restarted.get(key).orElseThrow()));
        }
        for (int t = 0; t < 8; t++) {
            for (int i = 0; i < 50; i++) {
                ResultKey own = new ResultKey(t % 2 == 0 ? ID : OTHER_ID, Budget.steps(100 + t), i, "cpu");
                assertEquals(t + "/" + i, restarted.get(own).orElseThrow().reason());
            }
        }
        for (String id : List.of(ID, OTHER_ID)) {
            try (Stream<Path> files = Files.list(resultsOf(id))) {
                assertTrue(files.allMatch(p -> p.getFileName().toString().endsWith(".json")
                        && !p.getFileName().toString().startsWith(".")));
            }
        }
    }
}
