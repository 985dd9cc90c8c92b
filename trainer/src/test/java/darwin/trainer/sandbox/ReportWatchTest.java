package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.trainer.json.JsonObject;
import darwin.trainer.process.ProcessOutcome;
import darwin.trainer.process.ResourceLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parent's reading of a child's output, with what a hostile child might leave there. */
class ReportWatchTest {

    private static final ProcessOutcome FINISHED = new ProcessOutcome(List.of("java"), false, ProcessOutcome.Ending.FINISHED,
            OptionalInt.empty(), Duration.ofSeconds(2), "", "");

    private static Workspace printed(Path dir, String stdout) throws IOException {
        Workspace workspace = new Workspace(Files.createDirectory(dir.resolve("workspace")));
        Files.writeString(workspace.stdout(), stdout);
        return workspace;
    }

    @Test
    void theSignedReportIsFoundWhenTheMarkerAppearsAmongWhateverTheProgramPrinted(@TempDir Path dir) throws Exception {
        byte[] key = ChildReport.newKey();
        TrainReport report = ReportJsonTest.trained(GrantReport.NONE);
        Workspace workspace = printed(dir, "DARWIN-REPORT e30= 00ff\nstep 1\n" + ChildReport.frame(key, ReportWriter.write(report))
                + "\nDARWIN-REPORT e30= " + "0".repeat(64) + "\n");
        ReportWatch<TrainReport> watch = ReportWatch.training(workspace, key, ResourceLimits.DEFAULTS);
        assertFalse(watch.getAsBoolean(), "no marker yet");
        Files.createFile(workspace.reported());
        assertTrue(watch.getAsBoolean());
        assertEquals(report, watch.read(FINISHED, Budget.steps(20)));
    }

    @Test
    void aMarkerWithoutASignedReportLeavesTheChildRunning(@TempDir Path dir) throws Exception {
        Workspace workspace = printed(dir, "DARWIN-REPORT e30= 00ff\n");
        Files.createFile(workspace.reported());
        ReportWatch<ScoreReport> watch = ReportWatch.scoring(workspace, ChildReport.newKey(), ResourceLimits.DEFAULTS);
        assertFalse(watch.getAsBoolean());
        assertFalse(watch.getAsBoolean(), "judged once");
    }

    @Test
    void aReportSignedWithAnotherKeyCountsForNothing(@TempDir Path dir) throws Exception {
        JsonObject forged = ReportWriter.write(ReportJsonTest.scored());
        Workspace workspace = printed(dir, ChildReport.frame(ChildReport.newKey(), forged) + "\n");
        ProcessOutcome exited = new ProcessOutcome(List.of("java"), false, ProcessOutcome.Ending.EXITED, OptionalInt.of(0),
                Duration.ofSeconds(2), "", "");
        EvaluationResult result = assertThrows(ChildFailure.class,
                () -> ReportWatch.scoring(workspace, ChildReport.newKey(), ResourceLimits.DEFAULTS).read(exited, Budget.steps(20))).result();
        assertEquals(EvaluationStatus.RUNTIME_ERROR, result.status());
        assertTrue(result.reason().startsWith("the scoring process ended with status 0 without reporting a result"),
                result.reason());
    }

    @Test
    void aMalformedSignedReportIsAViolation(@TempDir Path dir) throws Exception {
        byte[] key = ChildReport.newKey();
        JsonObject tampered = ReportWriter.write(ReportJsonTest.trained(GrantReport.NONE));
        tampered.put("steps", -999_999L); // what a program that reached into the harness might send
        Workspace workspace = printed(dir, ChildReport.frame(key, tampered) + "\n");
        EvaluationResult result = assertThrows(ChildFailure.class,
                () -> ReportWatch.training(workspace, key, ResourceLimits.DEFAULTS).read(FINISHED, Budget.steps(20))).result();
        assertEquals(EvaluationStatus.VIOLATION, result.status());
        assertTrue(result.reason().startsWith("the training process's report is malformed: negative counts"), result.reason());
        assertFalse(result.harnessFailure());
    }

    @Test
    void aSignedReportThatIsNotAnObjectIsAViolation(@TempDir Path dir) throws Exception {
        byte[] key = ChildReport.newKey();
        JsonObject empty = new JsonObject();
        Workspace workspace = printed(dir, ChildReport.frame(key, empty) + "\n");
        EvaluationResult result = assertThrows(ChildFailure.class,
                () -> ReportWatch.scoring(workspace, key, ResourceLimits.DEFAULTS).read(FINISHED, Budget.steps(20))).result();
        assertEquals(EvaluationStatus.VIOLATION, result.status());
        assertTrue(result.reason().contains("\"status\" must be a string"), result.reason());
    }
}
