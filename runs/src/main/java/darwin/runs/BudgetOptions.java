package darwin.runs;

import darwin.core.Budget;
import picocli.CommandLine.Option;

/** {@code --steps N | --budget-seconds S}: exactly one of them, or the command's default. */
final class BudgetOptions {

    @Option(names = "--steps", paramLabel = "N", description = "Train for N optimizer steps.")
    Long steps;

    @Option(names = "--budget-seconds", paramLabel = "S",
            description = "Train for S seconds of wall-clock time (every variant gets the same seconds).")
    Double seconds;

    /** The budget given, checked; {@code fallback} when none was given. */
    static Budget resolve(BudgetOptions options, Budget fallback) {
        if (options == null) {
            return fallback;
        }
        if (options.steps != null) {
            return Budget.steps(options.steps);
        }
        if (options.seconds != null) {
            return Budget.seconds(options.seconds);
        }
        return fallback;
    }
}
