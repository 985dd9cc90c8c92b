package darwin.runs.memory;

import darwin.core.Metrics;
import darwin.memory.Attempt;
import java.util.Locale;

/** How the memory commands write figures: perplexity to three places, MFU and changes to one. */
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

    /** {@code -10.0%, +2.0 pp} (perplexity, MFU), or {@code -} when there is nothing to compare. */
    static String change(Attempt a) {
        return Double.isNaN(a.perplexityChange()) ? NONE : percentChange(100 * a.perplexityChange()) + ", " + points(a.mfuChange());
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

    /** The text cut to {@code max} characters, with an ellipsis when cut, on one line. */
    static String cut(String text, int max) {
        String line = MemoryCommand.oneLine(text);
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    private static String side(Metrics m, boolean perplexity) {
        if (m == null) {
            return NONE;
        }
        return perplexity ? String.format(Locale.ROOT, "%.3f", m.perplexity()) : String.format(Locale.ROOT, "%.1f%%", 100 * m.mfu());
    }
}
