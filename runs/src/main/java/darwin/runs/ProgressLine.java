package darwin.runs;

import darwin.core.Budget;
import darwin.core.text.TerminalText;
import darwin.trainer.harness.CurvePoint;
import darwin.trainer.harness.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows training progress: a line rewritten in place on a terminal, or a plain line every few
 * seconds when output goes to a file or a pipe.
 */
final class ProgressLine implements TrainingListener {

    private static final long TERMINAL_INTERVAL_NANOS = 200_000_000L;
    private static final long PLAIN_INTERVAL_NANOS = 10_000_000_000L;

    private final PrintWriter out;
    private final Budget budget;
    private final boolean terminal;
    private long lastPrint = System.nanoTime();
    private boolean lineOpen;

    ProgressLine(PrintWriter out, Budget budget, boolean terminal) {
        this.out = out;
        this.budget = budget;
        this.terminal = terminal;
    }

    static boolean isTerminal() {
        return System.console() != null && System.getenv("CI") == null;
    }

    @Override
    public void onPhase(String phase) {
        closeLine();
        out.println("darwin: " + TerminalText.line(phase));
        out.flush();
    }

    @Override
    public void onStep(CurvePoint point) {
        long now = System.nanoTime();
        if (now - lastPrint < (terminal ? TERMINAL_INTERVAL_NANOS : PLAIN_INTERVAL_NANOS)) {
            return;
        }
        lastPrint = now;
        String done = switch (budget) {
            case Budget.Steps s -> String.format(Locale.ROOT, "step %d/%d", point.step(), s.steps());
            case Budget.Seconds s -> String.format(Locale.ROOT, "step %d, %.0f/%.0f s", point.step(), point.elapsed(), s.seconds());
            case Budget.Tokens t -> String.format(Locale.ROOT, "step %d, %,d/%,d tokens", point.step(), point.tokens(), t.tokens());
            // granted as tokens in the training process, where the figure is known
            case Budget.Flops f -> String.format(Locale.ROOT, "step %d, %,d tokens of %s", point.step(), point.tokens(),
                    f.describe());
            case Budget.EqualTime e -> String.format(Locale.ROOT, "step %d, %,d tokens of %s", point.step(), point.tokens(),
                    e.describe());
        };
        String line = String.format(Locale.ROOT, "%s  loss %.4f  lr %.2e  %,.0f tok/s",
                done, point.loss(), point.lr(), point.elapsed() > 0 ? point.tokens() / point.elapsed() : 0.0);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            lineOpen = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    void finish() {
        closeLine();
    }

    private void closeLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }
}
