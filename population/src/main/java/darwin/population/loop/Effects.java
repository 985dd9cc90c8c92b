package darwin.population.loop;

import darwin.core.EvaluationResult;
import darwin.core.Metrics;
import darwin.core.stats.Interval;
import darwin.core.stats.Sample;
import darwin.memory.Effect;
import darwin.population.selection.Significance;
import java.util.List;
import java.util.Optional;

/** An attempt's effect from the replicates of its target and of its child. */
final class Effects {

    private Effects() {}

    /**
     * The change from {@code before} to {@code after} with its {@code level} intervals, on the log
     * scale and turned into relative changes; empty when either side did not work, or when the
     * run knows no noise to judge by (one draw per variant).
     */
    static Optional<Effect> of(List<EvaluationResult> before, List<EvaluationResult> after, Significance significance,
            double level) {
        if (!allWorked(before) || !allWorked(after) || !significance.loss().known()) {
            return Optional.empty();
        }
        Sample lossBefore = Replicates.losses(before).orElseThrow();
        Sample lossAfter = Replicates.losses(after).orElseThrow();
        Interval perplexity = significance.loss().difference(lossAfter, lossBefore, level).relative();
        Interval mfu = significance.logMfu().difference(Replicates.logMfus(after).orElseThrow(),
                Replicates.logMfus(before).orElseThrow(), level).relative();
        Effect.Verdict verdict = perplexity.high() < 0 ? Effect.Verdict.BETTER
                : perplexity.low() > 0 ? Effect.Verdict.WORSE : Effect.Verdict.WITHIN_NOISE;
        return Optional.of(new Effect(perplexity, mfu, before.size(), after.size(), verdict));
    }

    /**
     * The figures of a variant over its replicates: the held-out loss and the log of MFU averaged
     * (perplexity and MFU are their geometric means), the rest from the first replicate; empty
     * when there is none or one failed.
     */
    static Optional<Metrics> meanMetrics(List<EvaluationResult> results) {
        if (!allWorked(results)) {
            return Optional.empty();
        }
        Metrics first = results.getFirst().metrics();
        if (results.size() == 1) {
            return Optional.of(first);
        }
        double loss = Replicates.losses(results).map(Sample::mean).orElse(first.valLoss());
        double mfu = Replicates.logMfus(results).map(s -> Math.exp(s.mean())).orElse(first.mfu());
        double tokensPerSecond = results.stream().mapToDouble(r -> r.metrics().tokensPerSecond()).average().orElseThrow();
        return Optional.of(new Metrics(loss, Math.exp(loss), mfu, tokensPerSecond, first.tokensTrained(), first.steps(),
                first.parameters(), first.flopsPerToken(), first.peakFlops(), first.wallSeconds(), first.trainSeconds(),
                first.device()));
    }

    private static boolean allWorked(List<EvaluationResult> results) {
        return results != null && !results.isEmpty() && results.stream().allMatch(r -> r.status().measured()
                && Double.isFinite(r.metrics().valLoss()) && Double.isFinite(r.metrics().mfu()));
    }
}
