package darwin.runs;

import darwin.core.EvaluationResult;
import darwin.core.Metrics;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Mean and sample standard deviation of the measured results among repeated evaluations. */
record Spread(int count, Moments valLoss, Moments perplexity, Moments mfu) {

    /** The mean and sample standard deviation of some figures (NaN for the deviation of one figure). */
    record Moments(double mean, double std) {
        static Moments of(List<Metrics> metrics, ToDoubleFunction<Metrics> figure) {
            double mean = metrics.stream().mapToDouble(figure).average().orElse(Double.NaN);
            double squares = metrics.stream().mapToDouble(m -> Math.pow(figure.applyAsDouble(m) - mean, 2)).sum();
            return new Moments(mean, metrics.size() > 1 ? Math.sqrt(squares / (metrics.size() - 1)) : Double.NaN);
        }
    }

    static Spread of(List<EvaluationResult> results) {
        List<Metrics> measured = results.stream().flatMap(r -> r.measured().stream()).toList();
        return new Spread(measured.size(), Moments.of(measured, Metrics::valLoss), Moments.of(measured, Metrics::perplexity),
                Moments.of(measured, Metrics::mfu));
    }
}
