package darwin.memory.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.stats.Interval;
import darwin.core.stats.Sample;
import darwin.memory.Attempt;
import darwin.memory.Effect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What came of a group of attempts (one tag's, one agent's, or all): how many reached each
 * {@link Stage}, how many of the measured ones the run judged better, worse or within its noise,
 * and, over the measured ones, the mean change with its 95% interval and the best and worst example.
 *
 * <p>Every share is over all the group's attempts, so they shrink along the stages: compiled ≥
 * trained ≥ improved. An attempt is <em>measured</em> when it trained and its target was measured
 * too, so that a change can be computed ({@link Change}); it <em>improved</em> when its perplexity
 * fell beyond the noise (verdict {@code BETTER}; for an attempt of an older run, recorded without
 * replicates, when its single draw fell: {@link Attempt#improved()}).
 *
 * <p>The mean changes are of the attempts' own estimates, with a Student's t interval from their
 * spread across the group ({@link Sample#interval}): it says how sure the group's mean is, not how
 * noisy each attempt was, and it is unbounded when one attempt was measured ({@code n=1}).
 *
 * @param group the tag, the agent, or {@code all}
 * @param attempts how many attempts
 * @param compiled how many compiled ({@link Stage#compiled()})
 * @param trained how many trained (status {@code OK})
 * @param measured how many trained and have a change to show: the {@code n} of the means
 * @param improved how many lowered the perplexity beyond the noise
 * @param verdicts how the measured attempts were judged
 * @param perplexity the mean relative change of perplexity over the measured attempts, in percent
 *     (negative is better), with its 95% interval; {@code null} when none was measured
 * @param mfu the mean relative change of MFU, in percent, with its 95% interval, over the measured
 *     attempts whose target had an MFU; {@code null} when there is none
 * @param best the measured attempt with the largest fall in perplexity, {@code null} when none
 * @param worst the measured attempt with the largest rise in perplexity, {@code null} when none
 */
public record AttemptStats(String group, int attempts, int compiled, int trained, int measured, int improved,
        Verdicts verdicts, Interval perplexity, Interval mfu, Attempt best, Attempt worst) {

    /** The 95% level of every interval. */
    public static final double LEVEL = 0.95;

    public AttemptStats {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(verdicts, "verdicts");
        if (improved < 0 || improved > measured || measured > trained || trained > compiled || compiled > attempts) {
            throw new IllegalArgumentException("need 0 ≤ improved ≤ measured ≤ trained ≤ compiled ≤ attempts, got "
                    + List.of(improved, measured, trained, compiled, attempts));
        }
        if (verdicts.total() != measured) {
            throw new IllegalArgumentException("every measured attempt has one verdict: " + verdicts + " for " + measured);
        }
        if ((measured == 0) != (best == null) || (best == null) != (worst == null) || (measured == 0) != (perplexity == null)
                || (measured == 0 && mfu != null)) {
            throw new IllegalArgumentException("a mean and the best and worst exist exactly when an attempt was measured");
        }
    }

    /**
     * How the measured attempts of a group were judged against the run's noise.
     *
     * @param better perplexity lower beyond the noise
     * @param worse perplexity higher beyond the noise
     * @param withinNoise a change no larger than the noise
     * @param unjudged measured once each side, before runs kept replicates: no verdict
     */
    public record Verdicts(int better, int worse, int withinNoise, int unjudged) {
        public Verdicts {
            if (better < 0 || worse < 0 || withinNoise < 0 || unjudged < 0) {
                throw new IllegalArgumentException("counts must not be negative");
            }
        }

        public int total() {
            return better + worse + withinNoise + unjudged;
        }

        /** {@code 2 better, 0 worse, 5 within noise} (and the unjudged when there are any). */
        public String words() {
            return better + " better, " + worse + " worse, " + withinNoise + " within noise"
                    + (unjudged == 0 ? "" : ", " + unjudged + " unjudged");
        }
    }

    /** The statistics of these attempts. */
    public static AttemptStats of(String group, List<Attempt> attempts) {
        int compiled = 0;
        int trained = 0;
        int improved = 0;
        int[] verdicts = new int[4];
        List<Attempt> measured = new ArrayList<>();
        List<Double> perplexity = new ArrayList<>();
        List<Double> mfu = new ArrayList<>();
        for (Attempt attempt : attempts) {
            Stage stage = Stage.of(attempt.status());
            compiled += stage.compiled() ? 1 : 0;
            trained += stage.trained() ? 1 : 0;
            improved += improved(attempt) ? 1 : 0;
            Change change = Change.of(attempt).orElse(null);
            if (change != null) {
                measured.add(attempt);
                perplexity.add(100 * change.perplexity().estimate());
                if (change.mfu() != null) {
                    mfu.add(100 * change.mfu().estimate());
                }
                verdicts[change.verdict() == null ? 3 : change.verdict().ordinal()]++;
            }
        }
        Comparator<Attempt> byChange = Comparator.comparingDouble(AttemptStats::perplexityChange);
        return new AttemptStats(group, attempts.size(), compiled, trained, measured.size(), improved,
                new Verdicts(verdicts[Effect.Verdict.BETTER.ordinal()], verdicts[Effect.Verdict.WORSE.ordinal()],
                        verdicts[Effect.Verdict.WITHIN_NOISE.ordinal()], verdicts[3]),
                mean(perplexity), mean(mfu), measured.stream().min(byChange).orElse(null),
                measured.stream().max(byChange).orElse(null));
    }

    private static Interval mean(List<Double> values) {
        return values.isEmpty() ? null : new Sample(values).interval(LEVEL);
    }

    /** Whether the attempt trained and has a perplexity change: its target was measured too. */
    public static boolean measured(Attempt attempt) {
        return Change.of(attempt).isPresent();
    }

    /** Whether the attempt is measured and improved its target ({@link Attempt#improved()}: beyond the noise). */
    public static boolean improved(Attempt attempt) {
        return measured(attempt) && attempt.improved();
    }

    /** The attempt's relative change of perplexity (its effect's estimate when it has one); NaN when not measured. */
    public static double perplexityChange(Attempt attempt) {
        return Change.of(attempt).map(c -> c.perplexity().estimate()).orElse(Double.NaN);
    }

    /** The mean perplexity change in percent; NaN when nothing was measured. */
    public double meanPerplexityChange() {
        return perplexity == null ? Double.NaN : perplexity.estimate();
    }

    /** The mean MFU change in percent; NaN when nothing was measured. */
    public double meanMfuChange() {
        return mfu == null ? Double.NaN : mfu.estimate();
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

    /**
     * The figures as one JSON object; shares are fractions, changes percentages, unknown figures
     * (and the bounds of an interval over one attempt) {@code null}.
     */
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode node = json.createObjectNode().put("group", group).put("attempts", attempts).put("compiled", compiled)
                .put("trained", trained).put("measured", measured).put("improved", improved);
        Json.number(node, "compiledShare", compiledShare());
        Json.number(node, "trainedShare", trainedShare());
        Json.number(node, "improvedShare", improvedShare());
        node.put("better", verdicts.better()).put("worse", verdicts.worse()).put("withinNoise", verdicts.withinNoise())
                .put("unjudged", verdicts.unjudged());
        Json.interval(node, "meanPerplexityChangePercent", "perplexityChangeLowPercent", "perplexityChangeHighPercent",
                perplexity, 1);
        Json.interval(node, "meanMfuChangePercent", "mfuChangeLowPercent", "mfuChangeHighPercent", mfu, 1);
        node.set("best", Json.example(json, best));
        node.set("worst", Json.example(json, worst));
        return node;
    }
}
