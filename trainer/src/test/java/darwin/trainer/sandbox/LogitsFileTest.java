package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.EvaluationStatus;
import darwin.trainer.data.HeldOutWindows;
import darwin.trainer.measure.HeldOutEvaluator;
import darwin.trainer.measure.ScoringBatches;
import darwin.trainer.measure.ScoringPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logits file between the scoring child and the parent: what the child writes is what the parent judges, and nothing else is read. */
class LogitsFileTest {

    private static final int V = 3;
    private static final ScoringPlan PLAN = plan();

    private static ScoringPlan plan() {
        int[] tokens = new int[4 * 40 + 1];
        Arrays.setAll(tokens, i -> (i * 7 + i / 5) % V);
        return ScoringPlan.draw(new HeldOutWindows(tokens, 4), 9);
    }

    /** Writes uniform logits (all zero) for every batch of the first process, as its scoring child would. */
    private static Path written(Path dir) throws IOException {
        return written(dir.resolve("logits.f32"), PLAN.batches());
    }

    /** Writes uniform logits for every batch of the second process, as its scoring child would. */
    private static Path checks(Path dir) throws IOException {
        return written(dir.resolve("checks.f32"), PLAN.checkBatches());
    }

    private static Path written(Path file, ScoringBatches batches) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        try (LogitsFile.Writer writer = LogitsFile.create(file, batches, V)) {
            for (int b = 0; b < batches.batches(); b++) {
                writer.accept(new float[batches.logitsPerBatch(V)]);
            }
        }
        return file;
    }

    private static String violation(Path file) throws IOException {
        Path checks = checks(file.getParent());
        var rejected = assertInstanceOf(HeldOutEvaluator.Rejected.class, LogitsFile.judge(file, checks, PLAN, V));
        assertEquals(EvaluationStatus.VIOLATION, rejected.status());
        return rejected.reason();
    }

    @Test
    void whatTheChildWritesIsWhatTheParentJudges(@TempDir Path dir) throws IOException {
        Path file = written(dir);
        assertEquals(4L * PLAN.batches().logitsPerBatch(V) * PLAN.batches().batches(), Files.size(file));
        var measured = assertInstanceOf(HeldOutEvaluator.Measured.class, LogitsFile.judge(file, checks(dir), PLAN, V));
        assertEquals(Math.log(V), measured.valLoss(), 1e-12);
    }

    @Test
    void aFileOfAnotherSizeIsNotRead(@TempDir Path dir) throws IOException {
        Path file = written(dir);
        Files.write(file, new byte[] {0, 0, 0, 0}, java.nio.file.StandardOpenOption.APPEND);
        assertTrue(violation(file).contains("bytes, not the"), violation(file));
    }

    @Test
    void aMissingFileOrALinkIsAViolation(@TempDir Path dir) throws IOException {
        assertEquals("the scoring process's logits are missing", violation(dir.resolve("logits.f32")));
        Path real = written(dir);
        Path link = Files.createSymbolicLink(dir.resolve("link.f32"), real);
        assertEquals("the scoring process's logits are not in a regular file", violation(link));
        Path folder = Files.createDirectory(dir.resolve("folder.f32"));
        assertEquals("the scoring process's logits are not in a regular file", violation(folder));
    }

    @Test
    void theSecondProcesssFileIsCheckedAsTheFirsts(@TempDir Path dir) throws IOException {
        Path first = written(dir);
        var rejected = assertInstanceOf(HeldOutEvaluator.Rejected.class,
                LogitsFile.judge(first, dir.resolve("absent.f32"), PLAN, V));
        assertEquals("the scoring process's logits are missing", rejected.reason());
        Path wrong = written(dir.resolve("wrong.f32"), PLAN.batches());
        rejected = assertInstanceOf(HeldOutEvaluator.Rejected.class, LogitsFile.judge(first, wrong, PLAN, V));
        assertTrue(rejected.reason().contains("bytes, not the"), rejected.reason());
    }
}
