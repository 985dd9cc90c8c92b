package darwin.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.core.Change;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Metrics;
import darwin.core.Proposal;
import darwin.core.ProposalStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunProgressTest {

    private static final EvaluationResult OK = EvaluationResult.ok(new Metrics(2.0, Math.exp(2.0), 0.3, 1000, 5000, 5, 800,
            5e6, 3e11, 6, 5, "cpu()"), "");

    @Test
    void onATerminalAStatusLineStaysBelowTheEventsAndIsClearedAtTheEnd(@TempDir Path dir) throws Exception {
        StringWriter text = new StringWriter();
        RunProgress progress = new RunProgress(new PrintWriter(text), dir.resolve("run.log"), () -> 0.5, () -> 0.25, 4, true);
        progress.generationStarted(1, 2);
        progress.evaluated(1, "0123456789abcdef", OK);
        progress.close();
        String shown = text.toString();
        assertTrue(shown.contains("\ngeneration 1/2 | 1 evaluations, best perplexity 7.389"), shown);
        assertTrue(shown.contains("\r\u001b[K["), "each event first clears the status line");
        assertTrue(shown.contains("slots busy 50%, LLM cost $0.25"), shown);
        assertTrue(shown.endsWith("\r\u001b[K"), "the status line is cleared");
        String log = Files.readString(dir.resolve("run.log"));
        assertFalse(log.contains("\u001b"), "the log has plain lines only");
        assertEquals(2, log.lines().count());
    }

    @Test
    void toAPipeThereArePlainLinesOnly(@TempDir Path dir) {
        StringWriter text = new StringWriter();
        RunProgress progress = new RunProgress(new PrintWriter(text), dir.resolve("run.log"), () -> 1, () -> 0, 4, false);
        progress.generationStarted(1, 2);
        progress.evaluated(1, "0123456789abcdef", OK);
        progress.close();
        assertFalse(text.toString().contains("\r") || text.toString().contains("\u001b"), text.toString());
        assertTrue(text.toString().contains("about 0 min left") || text.toString().contains("min left"), text.toString());
    }

    @Test
    void modelTextInAnEventCannotMoveTheCursorOrChangeTheTerminal(@TempDir Path dir) throws Exception {
        for (boolean terminal : new boolean[] {false, true}) {
            StringWriter text = new StringWriter();
            Path log = dir.resolve(terminal + ".log");
            try (RunProgress progress = new RunProgress(new PrintWriter(text), log, () -> 0, () -> 0, 0, terminal)) {
                progress.proposed(1, 0, new Proposal("agent-1", "0123456789abcdef", ProposalStatus.DOES_NOT_COMPILE, "no",
                        Optional.of(new Change("why", "summary " + Shown.HOSTILE, List.of(), List.of(), Optional.empty())),
                        Optional.empty(), List.of(), 0, 0, 0));
                progress.evaluated(1, "0123456789abcdef", EvaluationResult.failed(EvaluationStatus.RUNTIME_ERROR,
                        "thrown: " + Shown.HOSTILE, ""));
                progress.requestSettled(1, "r1", false, "note\n" + Shown.HOSTILE);
                progress.onPhase(Shown.HOSTILE);
            }
            // the status line's own control sequence is darwin's, and the only one
            String shown = terminal ? text.toString().replace("\r\u001b[K", "") : text.toString();
            Shown.assertSafe(shown);
            Shown.assertSafe(Files.readString(log));
            assertTrue(shown.contains("summary \\e[31mred\\e[0m \\e[2J"), shown);
            assertEquals(4, Files.readString(log).lines().count(), "one line per event, a note's line break included");
        }
    }

    @Test
    void aTrainingPhaseIsOneShownLine() {
        StringWriter text = new StringWriter();
        new ProgressLine(new PrintWriter(text), Budget.steps(10), false).onPhase("compiling " + Shown.HOSTILE);
        Shown.assertSafe(text.toString());
        assertTrue(text.toString().startsWith("darwin: compiling \\e[31m"), text.toString());
    }
}
