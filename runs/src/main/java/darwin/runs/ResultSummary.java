package darwin.runs;

import darwin.core.EvaluationResult;
import darwin.core.Metrics;
import darwin.core.text.TerminalText;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The human-readable summary of a result. The reason and the log's last lines come from the
 * variant's program, and are shown as {@link TerminalText} shows them.
 */
final class ResultSummary {

    private ResultSummary() {}

    static String of(EvaluationResult result, Path curveLog) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "status          %s (%s)%n", result.status(), TerminalText.line(result.reason().strip())));
        result.measured().ifPresent(m -> metrics(text, m));
        if (curveLog != null) {
            text.append(String.format(Locale.ROOT, "training curve  %s%n", curveLog));
        }
        if (!result.status().measured() && !result.logTail().isBlank()) {
            text.append("last log lines:\n").append(TerminalText.lines(result.logTail())).append('\n');
        }
        return text.toString();
    }

    /** The mean and spread of repeated evaluations. */
    static String spread(List<EvaluationResult> results) {
        Spread spread = Spread.of(results);
        if (spread.count() == 0) {
            return "no evaluation was measured\n";
        }
        return String.format(Locale.ROOT, "over %d measured runs of %d:%n", spread.count(), results.size())
                + String.format(Locale.ROOT, "held-out loss   %.4f ± %.4f (sample standard deviation)%n",
                        spread.valLoss().mean(), spread.valLoss().std())
                + String.format(Locale.ROOT, "perplexity      %.3f ± %.3f%n", spread.perplexity().mean(), spread.perplexity().std())
                + String.format(Locale.ROOT, "MFU             %.1f%% ± %.1f%%%n", 100 * spread.mfu().mean(), 100 * spread.mfu().std());
    }

    private static void metrics(StringBuilder text, Metrics m) {
        text.append(String.format(Locale.ROOT, "held-out loss   %.4f (perplexity %.3f)%n", m.valLoss(), m.perplexity()));
        text.append(String.format(Locale.ROOT, "MFU             %.1f%% of %.1f GFLOP/s peak%n", 100 * m.mfu(), m.peakFlops() / 1e9));
        text.append(String.format(Locale.ROOT, "throughput      %,.0f tokens/s (%,d tokens in %d steps, %.1f s)%n",
                m.tokensPerSecond(), m.tokensTrained(), m.steps(), m.trainSeconds()));
        text.append(String.format(Locale.ROOT, "model           %,d parameters, %.3g FLOPs per token%n",
                m.parameters(), m.flopsPerToken()));
        text.append(String.format(Locale.ROOT, "device          %s, %.1f s in all%n", m.device(), m.wallSeconds()));
    }
}
