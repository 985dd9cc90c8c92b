package darwin.runs;

import darwin.core.Budget;
import picocli.CommandLine.Option;

/**
 * {@code --steps N | --budget-seconds S | --tokens N | --flops F | --equal-time S}: exactly one of
 * them, or the command's default.
 */
final class BudgetOptions {

    @Option(names = "--steps", paramLabel = "N", description = "Train for N optimizer steps.")
    Long steps;

    @Option(names = "--budget-seconds", paramLabel = "S",
            description = "Train for S seconds of wall-clock time (every variant gets the same seconds).")
    Double seconds;

    @Option(names = "--tokens", paramLabel = "N",
            description = "Train on N tokens, whatever the batch shape and the host's speed.")
    Long tokens;

    @Option(names = "--flops", paramLabel = "F",
            description = "Train for F model FLOPs (such as 1e15), counted in tokens at the model's FLOPs per token.")
    Double flops;

    @Option(names = "--equal-time", paramLabel = "S",
            description = "Train on the tokens the program would process in S seconds here: the seed's calibrated "
                    + "throughput times the program's speed relative to the seed's, measured side by side.")
    Double equalTime;

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
        if (options.tokens != null) {
            return Budget.tokens(options.tokens);
        }
        if (options.flops != null) {
            return Budget.flops(options.flops);
        }
        if (options.equalTime != null) {
            return Budget.equalTime(options.equalTime);
        }
        return fallback;
    }
}
