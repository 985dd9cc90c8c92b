package darwin.trainer.harness;

import darwin.core.Budget;
import darwin.trainer.api.BudgetClock;

/**
 * The harness's own count of the budget: steps and tokens handed out, seconds elapsed. It tracks
 * the budgets a training ends by (steps, seconds, tokens); a FLOPs or equal-time budget is turned
 * into tokens first ({@link TokenGrant}). Its seconds count the program's code that ran before the
 * {@code train} call too (loading its classes, their static initialisers, its constructor), so that
 * a time budget covers every moment the program's code ran.
 */
final class BudgetTracker implements BudgetClock {

    private final Budget budget;
    private long startNanos;
    private double priorSeconds;
    private long steps;
    private long tokens;

    BudgetTracker(Budget budget) {
        if (budget instanceof Budget.Flops || budget instanceof Budget.EqualTime) {
            throw new IllegalArgumentException("a budget of " + budget.describe()
                    + " is turned into a token budget before training; the tracker counts steps, seconds or tokens");
        }
        this.budget = budget;
    }

    /** Starts the count, with no program code run before it. */
    void start() {
        start(0);
    }

    /**
     * Starts the count.
     *
     * @param before seconds of the program's code that ran before this moment and count against
     *     its time (see {@link TrainingSession#train})
     */
    void start(double before) {
        if (!(before >= 0) || Double.isInfinite(before)) {
            throw new IllegalArgumentException("the seconds before training must be a non-negative number, got " + before);
        }
        priorSeconds = before;
        startNanos = System.nanoTime();
        steps = 0;
        tokens = 0;
    }

    /** Counts a batch of {@code batchTokens} tokens handed out. */
    void countBatch(long batchTokens) {
        steps++;
        tokens += batchTokens;
    }

    @Override
    public boolean exhausted() {
        return switch (budget) {
            case Budget.Steps s -> steps >= s.steps();
            case Budget.Seconds s -> elapsedSeconds() >= s.seconds();
            case Budget.Tokens t -> tokens >= t.tokens();
            case Budget.Flops f -> throw new IllegalStateException("unreachable: checked in the constructor");
            case Budget.EqualTime e -> throw new IllegalStateException("unreachable: checked in the constructor");
        };
    }

    @Override
    public double progress() {
        double progress = switch (budget) {
            case Budget.Steps s -> (double) steps / s.steps();
            case Budget.Seconds s -> elapsedSeconds() / s.seconds();
            case Budget.Tokens t -> (double) tokens / t.tokens();
            case Budget.Flops f -> throw new IllegalStateException("unreachable: checked in the constructor");
            case Budget.EqualTime e -> throw new IllegalStateException("unreachable: checked in the constructor");
        };
        return Math.min(1, progress);
    }

    @Override
    public long steps() {
        return steps;
    }

    /** Training tokens handed out so far. */
    long tokens() {
        return tokens;
    }

    @Override
    public double elapsedSeconds() {
        return priorSeconds + (System.nanoTime() - startNanos) / 1e9;
    }

    Budget budget() {
        return budget;
    }
}
