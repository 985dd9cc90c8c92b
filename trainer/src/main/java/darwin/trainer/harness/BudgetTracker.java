package darwin.trainer.harness;

import darwin.core.Budget;
import darwin.trainer.api.BudgetClock;

/**
 * The harness's own count of the budget: steps and tokens handed out, seconds elapsed. It tracks
 * the budgets a training ends by (steps, seconds, tokens); a FLOPs or equal-time budget is turned
 * into tokens first ({@link TokenGrant}).
 */
final class BudgetTracker implements BudgetClock {

    private final Budget budget;
    private long startNanos;
    private long steps;
    private long tokens;

    BudgetTracker(Budget budget) {
        if (budget instanceof Budget.Flops || budget instanceof Budget.EqualTime) {
            throw new IllegalArgumentException("a budget of " + budget.describe()
                    + " is turned into a token budget before training; the tracker counts steps, seconds or tokens");
        }
        this.budget = budget;
    }

    void start() {
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
        return (System.nanoTime() - startNanos) / 1e9;
    }

    Budget budget() {
        return budget;
    }
}
