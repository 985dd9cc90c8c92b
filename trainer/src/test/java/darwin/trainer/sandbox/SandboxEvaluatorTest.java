package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Variant;
import darwin.trainer.data.Corpus;
import darwin.trainer.harness.TrainingListener;
import darwin.trainer.process.ProcessRunner;
import darwin.trainer.variant.SeedVariant;
import java.nio.file.Files;
import java.nio.file.Path;
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
        evaluator = new SandboxEvaluator(Corpus.tinyShakespeare(), SandboxSettings.defaults().withWorkRoot(work), 1e11,
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
    void aCompileErrorIsReportedWithItsPlace() {
        Variant broken = SeedVariant.variant().derive(Map.of("program/darwin/program/GptConfig.java",
                SeedVariant.variant().files().get("program/darwin/program/GptConfig.java").replace("int layers,", "int layers")));
        EvaluationResult result = evaluator.evaluate(broken, Budget.steps(5), 1, TrainingListener.NONE, null);
        assertEquals(EvaluationStatus.COMPILE_ERROR, result.status());
        assertTrue(result.reason().contains("program/darwin/program/GptConfig.java"), result.reason());
        assertTrue(result.logTail().contains("^"), result.logTail());
    }
}
