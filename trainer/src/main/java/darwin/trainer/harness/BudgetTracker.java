package darwin.trainer.harness;

import darwin.core.Budget;
import darwin.trainer.api.BudgetClock;

/** The harness's own count of the budget: steps handed out and seconds elapsed. */
final class BudgetTracker implements BudgetClock {

    private final Budget budget;
    private long startNanos;
    private long steps;

    BudgetTracker(Budget budget) {
        this.budget = budget;
    }

    void start() {
        startNanos = System.nanoTime();
        steps = 0;
    }

    void countStep() {
        steps++;
    }

    @Override
    public boolean exhausted() {
        return switch (budget) {
            case Budget.Steps s -> steps >= s.steps();
            case Budget.Seconds s -> elapsedSeconds() >= s.seconds();
        };
    }

    @Override
    public double progress() {
        double progress = switch (budget) {
            case Budget.Steps s -> (double) steps / s.steps();
            case Budget.Seconds s -> elapsedSeconds() / s.seconds();
        };
        return Math.min(1, progress);
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    Budget budget() {
        return budget;
    }
}
