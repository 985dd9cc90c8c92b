package darwin.memory.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.memory.Attempt;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What came of a group of attempts (one tag's, one agent's, or all): how many reached each
 * {@link Stage}, and, over the measured ones, the mean change and the best and worst example.
 *
 * <p>Every share is over all the group's attempts, so they shrink along the stages: compiled ≥
 * trained ≥ improved. An attempt is <em>measured</em> when it trained and its target was measured
 * too, so that a change can be computed; it <em>improved</em> when it is measured and its perplexity
 * is lower than its target's.
 *
 * @param group the tag, the agent, or {@code all}
 * @param attempts how many attempts
 * @param compiled how many compiled ({@link Stage#compiled()})
 * @param trained how many trained (status {@code OK})
 * @param measured how many trained and have a change to show
 * @param improved how many lowered the perplexity
 * @param meanPerplexityChange mean relative change of perplexity over the measured attempts, in
 *     percent (negative is better); NaN when none was measured
 * @param meanMfuChange mean change of MFU over the measured attempts, in percentage points; NaN when
 *     none was measured
 * @param best the measured attempt with the largest fall in perplexity, {@code null} when none
 * @param worst the measured attempt with the largest rise in perplexity, {@code null} when none
 */
public record AttemptStats(String group, int attempts, int compiled, int trained, int measured, int improved,
        double meanPerplexityChange, double meanMfuChange, Attempt best, Attempt worst) {

    public AttemptStats {
        Objects.requireNonNull(group, "group");
        if (improved < 0 || improved > measured || measured > trained || trained > compiled || compiled > attempts) {
            throw new IllegalArgumentException("need 0 ≤ improved ≤ measured ≤ trained ≤ compiled ≤ attempts, got "
                    + List.of(improved, measured, trained, compiled, attempts));
        }
        if ((measured == 0) != (best == null) || (best == null) != (worst == null)
                || (measured == 0) != Double.isNaN(meanPerplexityChange)) {
            throw new IllegalArgumentException("a mean and the best and worst exist exactly when an attempt was measured");
        }
    }

    /** The statistics of these attempts. */
    public static AttemptStats of(String group, List<Attempt> attempts) {
        int compiled = 0;
        int trained = 0;
        int improved = 0;
        for (Attempt attempt : attempts) {
            Stage stage = Stage.of(attempt.status());
            compiled += stage.compiled() ? 1 : 0;
            trained += stage.trained() ? 1 : 0;
            improved += improved(attempt) ? 1 : 0;
        }
        List<Attempt> measured = attempts.stream().filter(AttemptStats::measured).toList();
        Comparator<Attempt> byChange = Comparator.comparingDouble(Attempt::perplexityChange);
        return new AttemptStats(group, attempts.size(), compiled, trained, measured.size(), improved,
                measured.stream().mapToDouble(a -> 100 * a.perplexityChange()).average().orElse(Double.NaN),
                measured.stream().mapToDouble(Attempt::mfuChange).average().orElse(Double.NaN),
                measured.stream().min(byChange).orElse(null),
                measured.stream().max(byChange).orElse(null));
    }

    /** Whether the attempt trained and has a perplexity change: its target was measured too. */
    public static boolean measured(Attempt attempt) {
        return Stage.of(attempt.status()).trained() && !Double.isNaN(attempt.perplexityChange());
    }

    /** Whether the attempt trained to a lower perplexity than its target's. */
    public static boolean improved(Attempt attempt) {
        return measured(attempt) && attempt.perplexityChange() < 0;
    }

    public double compiledShare() {
        return share(compiled);
    }

    public double trainedShare() {
        return share(trained);
    }

    public double improvedShare() {
        return share(improved);
    }

    private double share(int count) {
        return attempts == 0 ? Double.NaN : (double) count / attempts;
    }

    /** The figures as one JSON object; shares are fractions, unknown figures {@code null}. */
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode node = json.createObjectNode().put("group", group).put("attempts", attempts).put("compiled", compiled)
                .put("trained", trained).put("measured", measured).put("improved", improved);
        Json.number(node, "compiledShare", compiledShare());
        Json.number(node, "trainedShare", trainedShare());
        Json.number(node, "improvedShare", improvedShare());
        Json.number(node, "meanPerplexityChangePercent", meanPerplexityChange);
        Json.number(node, "meanMfuChangePoints", meanMfuChange);
        node.set("best", Json.example(json, best));
        node.set("worst", Json.example(json, worst));
        return node;
    }
}
