package darwin.trainer.harness;

import darwin.core.Budget;
import java.util.Locale;

/**
 * How far past a time budget a program may return and still count: {@value #BASE_SECONDS} s plus
 * {@value #SHARE} of the budget. A program that returns later is a {@code TIMEOUT}.
 *
 * <p>Why a grace at all: an honest program asks the clock before each step, so its last step may
 * begin just before the budget is spent and end one step later, and the clock counts its loading
 * too. Why this one: the seed's steps take 0.05–0.3 s on a 2-core host, a large variant's a second
 * or two, so one step past a 20 s budget fits in 2 s; a program that keeps training on batches it
 * kept, or works in a static initialiser or a constructor, runs past it. The grace is of the
 * program's code alone: the harness's own work after the program returns (saving the weights,
 * the report) is not counted here (the parent allows it separately).
 */
public final class TimeGrace {

    /** Seconds of grace whatever the budget. */
    public static final double BASE_SECONDS = 1.0;
    /** The share of the budget added to the grace: a long budget's program takes longer steps. */
    public static final double SHARE = 0.05;

    private TimeGrace() {}

    /** The grace of a time budget, in seconds. */
    public static double seconds(Budget.Seconds budget) {
        return BASE_SECONDS + SHARE * budget.seconds();
    }

    /** The latest a program may return under {@code budget}, in seconds of its clock. */
    public static double limit(Budget.Seconds budget) {
        return budget.seconds() + seconds(budget);
    }

    /** Why a program that returned after {@code seconds} under {@code budget} is a timeout. */
    static String overrun(Budget.Seconds budget, double seconds) {
        return String.format(Locale.ROOT, "the program returned after %.2f s, past its budget of %s plus a grace of %.2f s"
                + " (its clock counts its loading, static initialisers and constructor too)", seconds, budget.describe(),
                seconds(budget));
    }
}
