package darwin.runs.memory;

import darwin.core.Metrics;
import darwin.core.stats.Interval;
import darwin.core.text.TerminalText;
import darwin.memory.Attempt;
import darwin.memory.query.Change;
import java.util.Locale;

/**
 * How the memory commands write figures: perplexity to three places, MFU and changes to one.
 * A change carries its spread ({@code -3.2% ±1.1}: half its 95% interval) or, when nothing says
 * how noisy it was, its {@code n}; a change within the run's noise is marked {@code ~}.
 */
final class Figures {

    static final String NONE = "-";

    private Figures() {}

    /** {@code 10.000 → 9.000}; a side that was not measured is {@code -}. */
    static String perplexity(Attempt a) {
        return side(a.before(), true) + " → " + side(a.after(), true);
    }

    /** {@code 30.0% → 32.0%}. */
    static String mfu(Attempt a) {
        return side(a.before(), false) + " → " + side(a.after(), false);
    }

    /** The perplexity change, {@code -3.2% ±1.1} ({@code ~} in front when within noise), or {@code -} when not measured. */
    static String change(Attempt a) {
        return Change.of(a).map(Change::perplexityText).orElse(NONE);
    }

    /** The relative MFU change, {@code +6.0% ±2.3}, or {@code -}. */
    static String mfuChange(Attempt a) {
        return Change.of(a).map(Change::mfuText).orElse(NONE);
    }

    /** {@code better}, {@code worse}, {@code within noise}, {@code unjudged} (an older run's single draw), or {@code -}. */
    static String verdict(Attempt a) {
        return Change.of(a).map(Change::verdictWords).orElse(NONE);
    }

    /**
     * A change with its whole interval, for one attempt's page: {@code -10.0% [-12.0%, -8.0%]}, or
     * {@code -10.0% (n=1)} when the interval is unbounded.
     */
    static String interval(Interval change, int n) {
        return change.bounded() ? change.percent() : Change.percent(change, n);
    }

    /** A mean already in percent with half its interval: {@code -6.0% ±4.1}, {@code -6.0% (n=1)}, or {@code -}. */
    static String mean(Interval percent, int n) {
        if (percent == null) {
            return NONE;
        }
        String mean = percentChange(percent.estimate());
        return percent.bounded() ? mean + String.format(Locale.ROOT, " ±%.1f", percent.halfWidth()) : mean + " (n=" + n + ")";
    }

    /** A change already in percent: {@code -10.0%}. */
    static String percentChange(double percent) {
        return Double.isNaN(percent) ? NONE : String.format(Locale.ROOT, "%+.1f%%", percent);
    }

    /** A change in percentage points: {@code +2.0 pp}. */
    static String points(double points) {
        return Double.isNaN(points) ? NONE : String.format(Locale.ROOT, "%+.1f pp", points);
    }

    /** A share: {@code 62%}. */
    static String share(double share) {
        return Double.isNaN(share) ? NONE : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /**
     * The text on one line, as shown on a terminal, cut to {@code max} columns with an ellipsis when
     * longer: the cut is made in the shown text and never splits a visible escape or a character.
     */
    static String cut(String text, int max) {
        return TerminalText.cut(text == null ? "" : text.strip(), max);
    }

    private static String side(Metrics m, boolean perplexity) {
        if (m == null) {
            return NONE;
        }
        return perplexity ? String.format(Locale.ROOT, "%.3f", m.perplexity()) : String.format(Locale.ROOT, "%.1f%%", 100 * m.mfu());
    }
}
