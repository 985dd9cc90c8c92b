package darwin.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.EvaluationResult;
import darwin.core.Metrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
