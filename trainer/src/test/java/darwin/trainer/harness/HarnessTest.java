package darwin.trainer.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.trainer.FakeModels;
import darwin.trainer.api.LanguageModel;
import darwin.trainer.api.TrainingContext;
import darwin.trainer.api.TrainingProgram;
import darwin.trainer.data.Corpus;
import darwin.program.GptConfig;
import darwin.program.NanoGpt;
import darwin.trainer.data.HeldOutWindows;
import darwin.trainer.measure.FlopCount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class HarnessTest {

    /** A configuration that trains in a fraction of a second per hundred steps. */
    static final GptConfig TINY = new GptConfig(1, 2, 32, 32, 8, 3e-3, 3e-4, 5, 0.1, 0.9, 0.99, 1.0, 0.0, false);

    private static Harness harness;

    @BeforeAll
    static void harness() {
        // a fixed peak keeps these tests from calibrating
        harness = new Harness(Corpus.tinyShakespeare(), new HarnessSettings(64, HeldOutWindows.DEFAULT_EVERY, 1e11, null));
    }

    private static EvaluationResult run(TrainingProgram program, Budget budget, Path curve) {
        return harness.evaluate(program, new TrainingRequest(budget, 1, curve, null));
    }

    @Test
    void lossFallsAndTheCurveIsLogged(@TempDir Path dir) throws Exception {
        Path curve = dir.resolve("curve.jsonl");
        EvaluationResult result = run(new NanoGpt(TINY), Budget.steps(150), curve);
        assertEquals(EvaluationStatus.OK, result.status(), result.reason());
        List<String> lines = Files.readAllLines(curve);
        assertEquals(150, lines.size());
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.getFirst());
        JsonNode last = json.readTree(lines.getLast());
        assertEquals(1, first.get("step").asLong());
        assertEquals(150, last.get("step").asLong());
        assertEquals(150L * 8 * 32, last.get("tokens").asLong());
        assertTrue(last.has("lr") && last.has("elapsed") && last.has("loss"));
        assertTrue(first.get("loss").asDouble() > 3.8, "starts near ln(65): " + first);
        assertTrue(last.get("loss").asDouble() < 3.0, "falls on a tiny model: " + last);
        var metrics = result.metrics();
        assertTrue(metrics.valLoss() < 3.1, "held-out loss " + metrics.valLoss());
        assertEquals(Math.exp(metrics.valLoss()), metrics.perplexity(), 1e-9);
        assertEquals(150, metrics.steps());
        assertEquals(150L * 8 * 32, metrics.tokensTrained());
        assertTrue(metrics.mfu() > 0 && metrics.tokensPerSecond() > 0);
        assertEquals(1e11, metrics.peakFlops());
    }

    @Test
    void stepBudgetIsExact() {
        EvaluationResult result = run(new NanoGpt(TINY), Budget.steps(7), null);
        assertEquals(EvaluationStatus.OK, result.status(), result.reason());
        assertEquals(7, result.metrics().steps());
    }

    @Test
    void timeBudgetIsRespected() {
        EvaluationResult result = run(new NanoGpt(TINY), Budget.seconds(1.5), null);
        assertEquals(EvaluationStatus.OK, result.status(), result.reason());
        assertTrue(result.metrics().steps() > 5, "steps in 1.5 s: " + result.metrics().steps());
        assertTrue(result.metrics().trainSeconds() >= 1.5, "trained " + result.metrics().trainSeconds());
        assertTrue(result.metrics().trainSeconds() < 2.5, "stopped soon after: " + result.metrics().trainSeconds());
    }

    @Test
    void aThrowingProgramIsAFailureNotACrash() {
        EvaluationResult result = run(program(context -> {
            throw new IllegalStateException("the program broke");
        }), Budget.steps(5), null);
        assertEquals(EvaluationStatus.RUNTIME_ERROR, result.status());
        assertTrue(result.reason().contains("the program broke"), result.reason());
    }

    @Test
    void runningOutOfMemoryIsReportedAsSuch() {
        EvaluationResult result = run(program(context -> {
            throw new OutOfMemoryError("Java heap space");
        }), Budget.steps(5), null);
        assertEquals(EvaluationStatus.OUT_OF_MEMORY, result.status());
    }

    @Test
    void askingForBatchesBeyondTheBudgetIsRefused() {
        EvaluationResult result = run(program(context -> {
            while (true) {
                context.batches().next(context.manager(), 2, 8).close();
            }
        }), Budget.steps(3), null);
        assertEquals(EvaluationStatus.RUNTIME_ERROR, result.status());
        assertTrue(result.reason().contains("after its budget"), result.reason());
    }

    @Test
    void noModelIsAViolation() {
        EvaluationResult result = run(new Returning(null), Budget.steps(1), null);
        assertEquals(EvaluationStatus.VIOLATION, result.status());
    }

    @Test
    void aModelThatLooksAheadIsAViolation() {
        EvaluationResult result = run(new Returning("look-ahead"), Budget.steps(1), null);
        assertEquals(EvaluationStatus.VIOLATION, result.status());
        assertTrue(result.reason().contains("looks ahead"), result.reason());
    }

    @Test
    void aNonFiniteLossIsDivergence() {
        EvaluationResult result = run(program(context -> {
            context.batches().next(context.manager(), 2, 8).close();
            context.metrics().log(Double.NaN, 1e-3);
            return FakeModels.uniform(context.manager(), context.vocabularySize(), 64);
        }), Budget.steps(5), null);
        assertEquals(EvaluationStatus.DIVERGED, result.status());
        assertTrue(result.logTail().contains("NaN"), result.logTail());
    }

    @Test
    void aModelWithWrongLogitsIsAFailure() {
        EvaluationResult result = run(new TrainingProgram() {
            @Override
            public LanguageModel train(TrainingContext context) {
                return FakeModels.uniform(context.manager(), 3, 64);
            }

            @Override
            public LanguageModel newModel(NDManager manager, int vocabularySize) {
                return FakeModels.uniform(manager, 3, 64);
            }
        }, Budget.steps(1), null);
        assertEquals(EvaluationStatus.RUNTIME_ERROR, result.status(), result.reason());
    }

    /** The training step of a program, as a lambda. */
    @FunctionalInterface
    interface Train {
        LanguageModel train(TrainingContext context) throws Exception;
    }

    /** A program from a lambda; its untrained model is a uniform one. */
    static TrainingProgram program(Train train) {
        return new TrainingProgram() {
            @Override
            public LanguageModel train(TrainingContext context) throws Exception {
                return train.train(context);
            }

            @Override
            public LanguageModel newModel(NDManager manager, int vocabularySize) {
                return FakeModels.uniform(manager, vocabularySize, 64);
            }
        };
    }

    /** Returns a fixed model without training. */
    private record Returning(String kind) implements TrainingProgram {
        @Override
        public LanguageModel train(TrainingContext context) {
            return kind == null ? null : newModel(context.manager(), context.vocabularySize());
        }

        @Override
        public LanguageModel newModel(NDManager manager, int vocabularySize) {
            return FakeModels.lookingAhead(manager, vocabularySize, 64);
        }
    }

    @Test
    void aTokenBudgetEndsAtTheFirstBatchThatReachesItAndIsDeterministicForASeed() {
        // batches of 8 × 32 = 256 tokens: 19 make 4,864, below 5,000, so a 20th is handed out
        EvaluationResult first = run(new NanoGpt(TINY), Budget.tokens(5000), null);
        EvaluationResult second = run(new NanoGpt(TINY), Budget.tokens(5000), null);
        assertEquals(EvaluationStatus.OK, first.status(), first.reason());
        assertEquals(20, first.metrics().steps());
        assertEquals(20 * 256, first.metrics().tokensTrained());
        assertEquals(first.metrics().valLoss(), second.metrics().valLoss(), "the same seed, the same held-out loss");
        assertEquals("trained and measured", first.reason());
    }

    @Test
    void aFlopsBudgetIsGrantedAsTokensAtTheModelsFlopsPerToken() {
        double perToken;
        try (NDManager manager = NDManager.newBaseManager()) {
            perToken = FlopCount.of(new NanoGpt(TINY).newModel(manager, 65)).perToken();
        }
        EvaluationResult byFlops = run(new NanoGpt(TINY), Budget.flops(perToken * 5000), null);
        assertEquals(EvaluationStatus.OK, byFlops.status(), byFlops.reason());
        assertEquals(20 * 256, byFlops.metrics().tokensTrained());
        assertEquals(perToken, byFlops.metrics().flopsPerToken());
        assertTrue(byFlops.reason().contains(" FLOPs = 5,000 tokens at "), byFlops.reason());
        EvaluationResult byTokens = run(new NanoGpt(TINY), Budget.tokens(5000), null);
        assertEquals(byTokens.metrics().valLoss(), byFlops.metrics().valLoss(),
                "counting the FLOPs builds a model first, which changes nothing of the training");
        EvaluationResult again = run(new NanoGpt(TINY), Budget.flops(perToken * 5000), null);
        assertEquals(byFlops.metrics().valLoss(), again.metrics().valLoss());
    }

    @Test
    void aProgramWhoseNewModelFailsCannotCountAFlopsBudget() {
        TrainingProgram noNewModel = new TrainingProgram() {
            @Override
            public LanguageModel train(TrainingContext context) {
                return new NanoGpt(TINY).train(context);
            }

            @Override
            public LanguageModel newModel(NDManager manager, int vocabularySize) {
                throw new IllegalStateException("no model here");
            }
        };
        EvaluationResult result = run(noNewModel, Budget.flops(1e9), null);
        assertEquals(EvaluationStatus.RUNTIME_ERROR, result.status());
        assertTrue(result.reason().startsWith("newModel, which counts the FLOPs per token, failed: IllegalStateException"),
                result.reason());
    }

    @Test
    void anEqualTimeBudgetTrainsOnTheGrantedTokensAndTakesItsMfuFromTheProbes() {
        // the reference's throughput is given, so that nothing is calibrated; the variant is the reference itself
        Harness withReference = new Harness(Corpus.tinyShakespeare(),
                new HarnessSettings(64, HeldOutWindows.DEFAULT_EVERY, 1e11, null).withReferenceThroughput(20_000),
                new NanoGpt(TINY));
        EvaluationResult result = withReference.evaluate(new NanoGpt(TINY),
                new TrainingRequest(Budget.equalTime(1), 1, null, null));
        assertEquals(EvaluationStatus.OK, result.status(), result.reason());
        assertTrue(result.reason().startsWith("trained and measured; 1 s equal-time = "), result.reason());
        long granted = Long.parseLong(result.reason().replaceAll(".*equal-time = ([0-9,]+) tokens.*", "$1").replace(",", ""));
        double ratio = Double.parseDouble(result.reason().replaceAll(".*tokens: speed ([0-9.]+) .*", "$1"));
        assertEquals(20_000 * ratio, granted, 20_000 * 0.0005 + 1, "the ratio is printed to three decimals");
        assertTrue(result.metrics().tokensTrained() >= granted && result.metrics().tokensTrained() < granted + 256,
                result.metrics().tokensTrained() + " tokens trained of " + granted);
        assertEquals(granted * result.metrics().flopsPerToken() / 1e11, result.metrics().mfu(), 2e-3 * result.metrics().mfu(),
                "MFU at the probes' speed: the granted tokens in the budget's one second");
    }
}
