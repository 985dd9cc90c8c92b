package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Variant;
import darwin.program.NanoGpt;
import darwin.trainer.data.Corpus;
import darwin.trainer.device.ThreadWait;
import darwin.trainer.measure.FlopCount;
import darwin.trainer.harness.TrainingListener;
import darwin.trainer.process.ProcessRunner;
import darwin.trainer.variant.SeedVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(300)
class SandboxEvaluatorTest {

    private static SandboxEvaluator evaluator;

    @BeforeAll
    static void evaluator(@TempDir Path work) {
        // the seed's throughput is given, for equal time, so that nothing is calibrated; a long
        // grace lets the children start on a host that others load to several times its cores
        SandboxSettings settings = SandboxSettings.defaults().withWorkRoot(work);
        evaluator = new SandboxEvaluator(Corpus.tinyShakespeare(),
                settings.withLimits(Duration.ofMinutes(4), settings.stepBudgetLimit(), settings.scoreLimit()), 1e11, 2000,
                new ProcessRunner());
    }

    @Test
    void theSeedTrainsAndIsScoredInChildProcesses(@TempDir Path logs) throws Exception {
        EvaluationResult result = evaluator.evaluate(SeedVariant.variant(), Budget.steps(20), 1337, TrainingListener.NONE, logs);
        assertEquals(EvaluationStatus.OK, result.status(), result.reason() + "\n" + result.logTail());
        assertEquals(evaluator.sandboxed(), result.reason().contains("in a bubblewrap sandbox"), result.reason());
        assertEquals(20, result.metrics().steps());
        assertEquals(20 * 12 * 64, result.metrics().tokensTrained());
        assertEquals(804_096, result.metrics().parameters());
        assertTrue(result.metrics().valLoss() < 3.8, "loss after 20 steps: " + result.metrics().valLoss());
        assertEquals(20, Files.readAllLines(logs.resolve("curve.jsonl")).size());
    }

    @Test
    void theChildsThreadsWaitAsTheSettingsSay(@TempDir Path work) {
        String path = "program/darwin/program/NanoGpt.java";
        String line = "public LanguageModel train(TrainingContext context) {";
        Variant reporting = SeedVariant.variant().derive(Map.of(path, SeedVariant.variant().files().get(path).replace(line,
                line + " if (true) throw new IllegalStateException(\"wait policy \" + System.getenv(\"OMP_WAIT_POLICY\"));")));
        EvaluationResult spun = evaluator.evaluate(reporting, Budget.steps(1), 1, TrainingListener.NONE, null);
        assertTrue(spun.reason().contains("wait policy null"), "OpenMP's own default: " + spun.reason());

        SandboxSettings passive = SandboxSettings.defaults().withWorkRoot(work).withThreadWait(ThreadWait.PASSIVE);
        EvaluationResult waited = new SandboxEvaluator(Corpus.tinyShakespeare(),
                passive.withLimits(Duration.ofMinutes(4), passive.stepBudgetLimit(), passive.scoreLimit()), 1e11, 2000,
                new ProcessRunner()).evaluate(reporting, Budget.steps(1), 1, TrainingListener.NONE, null);
        assertTrue(waited.reason().contains("wait policy PASSIVE"), waited.reason());
    }

    @Test
    void aCompileErrorIsReportedWithItsPlace() {
        Variant broken = SeedVariant.variant().derive(Map.of("program/darwin/program/GptConfig.java",
                SeedVariant.variant().files().get("program/darwin/program/GptConfig.java").replace("int layers,", "int layers")));
        EvaluationResult result = evaluator.evaluate(broken, Budget.steps(5), 1, TrainingListener.NONE, null);
        assertEquals(EvaluationStatus.COMPILE_ERROR, result.status());
        assertTrue(result.reason().contains("program/darwin/program/GptConfig.java"), result.reason());
        assertTrue(result.logTail().contains("^"), result.logTail());
    }

    @Test
    void theSeedTrainsUnderATokenBudget() {
        EvaluationResult result = evaluator.evaluate(SeedVariant.variant(), Budget.tokens(3 * 768), 1337, TrainingListener.NONE, null);
        assertEquals(EvaluationStatus.OK, result.status(), result.reason() + "\n" + result.logTail());
        assertEquals(3, result.metrics().steps());
        assertEquals(3 * 768, result.metrics().tokensTrained());
    }

    @Test
    void theSeedTrainsUnderAFlopsBudgetGrantedAsTokens() {
        double perToken;
        try (NDManager manager = NDManager.newBaseManager()) {
            perToken = FlopCount.of(new NanoGpt().newModel(manager, 65)).perToken();
        }
        EvaluationResult result = evaluator.evaluate(SeedVariant.variant(), Budget.flops(perToken * 2000), 1337,
                TrainingListener.NONE, null);
        assertEquals(EvaluationStatus.OK, result.status(), result.reason() + "\n" + result.logTail());
        assertTrue(result.reason().contains(" FLOPs = 2,000 tokens at "), result.reason());
        assertEquals(3 * 768, result.metrics().tokensTrained(), "2,000 tokens take three batches of 768");
        assertEquals(perToken, result.metrics().flopsPerToken());
    }

    @Test
    void theSeedTrainsUnderAnEqualTimeBudgetAgainstItself() {
        EvaluationResult result = evaluator.evaluate(SeedVariant.variant(), Budget.equalTime(1), 1337, TrainingListener.NONE, null);
        assertEquals(EvaluationStatus.OK, result.status(), result.reason() + "\n" + result.logTail());
        assertTrue(result.reason().contains("; 1 s equal-time = "), result.reason());
        assertTrue(result.reason().contains(" probe pairs, "), result.reason());
        long granted = Long.parseLong(result.reason().replaceAll(".*equal-time = ([0-9,]+) tokens.*", "$1").replace(",", ""));
        double ratio = Double.parseDouble(result.reason().replaceAll(".*tokens: speed ([0-9.]+) .*", "$1"));
        assertEquals(2000 * ratio, granted, 2);
        assertTrue(result.metrics().tokensTrained() >= granted, result.metrics().tokensTrained() + " of " + granted);
        assertEquals(granted * result.metrics().flopsPerToken() / 1e11, result.metrics().mfu(), 2e-3 * result.metrics().mfu(),
                "MFU at the probes' speed");
    }

    @Test
    void anEqualTimeBudgetNeedsTheSeedsThroughput(@TempDir Path work) {
        SandboxEvaluator without = new SandboxEvaluator(Corpus.tinyShakespeare(), SandboxSettings.defaults().withWorkRoot(work),
                1e11, new ProcessRunner());
        EvaluationResult result = without.evaluate(SeedVariant.variant(), Budget.equalTime(1), 1, TrainingListener.NONE, null);
        assertTrue(result.harnessFailure(), result.reason());
        assertEquals(SandboxSettings.defaults().stepBudgetLimit(), without.trainLimit(Budget.equalTime(1)));
        assertEquals(SandboxSettings.defaults().stepBudgetLimit(), without.trainLimit(Budget.tokens(5)));
        assertEquals(SandboxSettings.defaults().stepBudgetLimit(), without.trainLimit(Budget.flops(5)));
    }
}
