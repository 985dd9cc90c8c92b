package darwin.trainer.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import darwin.core.EvaluationStatus;
import darwin.trainer.FakeModels;
import darwin.trainer.api.LanguageModel;
import darwin.trainer.data.Corpus;
import darwin.trainer.data.HeldOutWindows;
import darwin.trainer.harness.Scorer;
import darwin.trainer.device.Engines;
import darwin.program.NanoGpt;
import darwin.program.GptConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasurementTest {

    private static final Corpus CORPUS = Corpus.tinyShakespeare();
    private static NDManager manager;

    @BeforeAll
    static void engine() {
        Engines.load();
        Engines.inferenceMode();
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void flopsPerTokenIsNanoGptsFormula() {
        LanguageModel model = new NanoGpt().newModel(manager, 65);
        FlopCount count = FlopCount.of(model);
        assertEquals(804_096, count.parameters(), "the baby GPT's parameters, counted from its arrays");
        long n = 804_096 - 64 * 128; // nanoGPT leaves the position embedding out of N
        assertEquals(n, count.matmulParameters());
        assertEquals(6.0 * n + 12.0 * 4 * 128 * 64, count.perToken());
    }

    @Test
    void mfuIsAchievedFlopsOverPeak() {
        FlopCount count = new FlopCount(1000, 1000, 1, 10, 10);
        assertEquals(7200.0, count.perToken());
        // 1000 tokens in 2 s at 7200 FLOPs each = 3.6 MFLOP/s, over a 36 MFLOP/s peak
        assertEquals(0.1, count.mfu(1000, 2.0, 3.6e7), 1e-12);
        assertEquals(0.0, count.mfu(1000, 0.0, 3.6e7));
    }

    @Test
    void lookupTablesAreLeftOutOfN() {
        FlopCount count = FlopCount.of(FakeModels.uniform(manager, 65, 16));
        assertEquals(100 + 32, count.parameters());
        assertEquals(100, count.matmulParameters());
    }

    /** Scores a model as the harness does: the scorer runs it, the judge gets its logits as plain numbers. */
    private static HeldOutEvaluator.Verdict score(LanguageModel model, long seed) {
        ScoringPlan plan = ScoringPlan.draw(CORPUS.heldOutWindows(64, HeldOutWindows.DEFAULT_EVERY), seed);
        HeldOutEvaluator judge = new HeldOutEvaluator(plan, 65);
        Scorer.Result result = new Scorer(plan.batches(), 65).score(model, manager, judge::accept);
        assertEquals(null, result.failure());
        assertEquals(null, new Scorer(plan.checkBatches(), 65).score(model, manager, judge::acceptCheck).failure());
        return judge.verdict();
    }

    private static double loss(LanguageModel model, long seed) {
        return assertInstanceOf(HeldOutEvaluator.Measured.class, score(model, seed)).valLoss();
    }

    @Test
    void uniformModelScoresLnVOnTheHeldOutWindows() {
        assertEquals(Math.log(65), loss(FakeModels.uniform(manager, 65, 64), 1), 1e-9);
        // a model with a shorter context scores each window in pieces
        assertEquals(Math.log(65), loss(FakeModels.uniform(manager, 65, 24), 2), 1e-9);
    }

    @Test
    void heldOutLossOfTheSameWeightsIsTheSameWhateverThePlan() {
        LanguageModel model = new NanoGpt(new GptConfig(1, 2, 32, 64, 4, 1e-3, 1e-4, 10, 0.1, 0.9, 0.99, 1, 0, false))
                .newModel(manager, 65);
        double first = loss(model, 1);
        double second = loss(model, 2);
        assertEquals(first, second, 1e-9);
        assertTrue(first > 3.5 && first < 5, "an untrained model is near ln(65): " + first);
    }

    /**
     * The loss computed from plain logits in double precision is the loss the scoring child used to
     * compute itself (float32 log-softmax, gathered and summed per batch of 32 windows taken by
     * stride), within 1e-6, for the seed's model with random weights and a bigram table.
     */
    @Test
    void theLossFromPlainLogitsIsTheLossTheScoringChildComputedBefore() {
        LanguageModel seed = new NanoGpt().newModel(manager, 65);
        assertEquals(inChildLoss(seed), loss(seed, 3), 1e-6);
        LanguageModel bigram = FakeModels.bigram(manager, 65, 64, 7);
        double before = inChildLoss(bigram);
        assertEquals(before, loss(bigram, 4), 1e-6);
        assertTrue(Math.abs(before - Math.log(65)) > 0.1, "the bigram's logits are not flat: " + before);
    }

    /** The held-out loss as the scoring child computed it before it handed on plain logits. */
    private static double inChildLoss(LanguageModel model) {
        HeldOutWindows windows = CORPUS.heldOutWindows(64, HeldOutWindows.DEFAULT_EVERY);
        int batches = (windows.count() + 31) / 32;
        double total = 0;
        for (int batch = 0; batch < batches; batch++) {
            int n = (windows.count() - batch + batches - 1) / batches;
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = batch + i * batches;
            }
            long[] inputs = new long[n * 64];
            long[] targets = new long[n * 64];
            windows.copy(rows, 0, 64, inputs, targets);
            try (NDScope arrays = new NDScope(); NDManager scope = manager.newSubManager()) {
                NDArray logits = model.logits(scope.create(inputs, new Shape(n, 64)));
                NDArray y = scope.create(targets, new Shape(n, 64, 1));
                total += -logits.toType(DataType.FLOAT32, false).logSoftmax(-1).gather(y, -1).sum().getFloat();
            }
        }
        return total / windows.predictions();
    }

    @Test
    void theSeedPassesTheChecksAndALookAheadIsCaughtOnRealText() {
        assertInstanceOf(HeldOutEvaluator.Measured.class, score(new NanoGpt().newModel(manager, 65), 5));
        var rejected = assertInstanceOf(HeldOutEvaluator.Rejected.class, score(FakeModels.lookingAhead(manager, 65, 64), 6));
        assertEquals(EvaluationStatus.VIOLATION, rejected.status());
        assertTrue(rejected.reason().contains("looks ahead"), rejected.reason());
        // and the cheat would have scored a near-zero loss
        double cheat = inChildLoss(FakeModels.lookingAhead(manager, 65, 64));
        assertTrue(cheat < 0.5, "the look-ahead model's loss: " + cheat);
    }

    @Test
    void peakIsCalibratedOnceAndCached(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("peak.json");
        PeakCalibration calibration = new PeakCalibration(cache);
        AtomicInteger announced = new AtomicInteger();
        assertTrue(calibration.cached(manager.getDevice(), "test-machine").isEmpty(), "nothing cached yet");
        double peak = calibration.peakFlops(manager, "test-machine", 0.05, announced::incrementAndGet);
        assertEquals(peak, new PeakCalibration(cache).cached(manager.getDevice(), "test-machine").orElseThrow(),
                "the figure is cached for the device");
        assertTrue(new PeakCalibration(cache).cached(manager.getDevice(), "another-machine").isEmpty());
        assertTrue(peak > 1e8, "a CPU does more than 0.1 GFLOP/s: " + peak);
        assertTrue(Files.readString(cache).contains("test-machine"));
        assertEquals(1, announced.get(), "a calibration is announced");
        assertEquals(peak, new PeakCalibration(cache).peakFlops(manager, "test-machine", 0.05, announced::incrementAndGet));
        assertEquals(1, announced.get(), "a cached figure is not a calibration");
        Files.writeString(cache, "{ not json");
        assertTrue(new PeakCalibration(cache).cached(manager.getDevice(), "test-machine").isEmpty(), "a damaged cache");
        assertTrue(new PeakCalibration(cache).peakFlops(manager, "test-machine", 0.05, announced::incrementAndGet) > 1e8,
                "a damaged cache is recalibrated");
        assertEquals(2, announced.get());
    }

    @Test
    void recalibratingKeepsTheHigherOfTheNewAndTheCachedPeak(@TempDir Path dir)
            throws Exception {
        Path cache = dir.resolve("peak.json");
        String key = "test-machine|" + manager.getDevice();
        Files.writeString(cache, "{\"" + key + "\": 1.0e18}"); // higher than any CPU
        assertEquals(1.0e18, new PeakCalibration(cache).recalibrate(manager, "test-machine", 0.05));
        Files.writeString(cache, "{\"" + key + "\": 1.0}"); // a calibration on a very busy host
        double fresh = new PeakCalibration(cache).recalibrate(manager, "test-machine", 0.05);
        assertTrue(fresh > 1e8, "the new calibration replaces a lower figure: " + fresh);
        assertEquals(fresh, new PeakCalibration(cache).peakFlops(manager, "test-machine", 0.05, () -> { }), "and is cached");
    }
}
