package darwin.trainer.api;

/** The budget as the program sees it. */
public interface BudgetClock {

    /** Whether the budget is spent; the next batch would be refused. */
    boolean exhausted();

    /**
     * The share of the budget spent, from 0 to 1: steps drawn over the step budget, or seconds
     * elapsed over the time budget. Learning-rate schedules follow it.
     */
    double progress();

    /** Batches drawn so far. */
    long steps();

    /** Seconds since training started. */
    double elapsedSeconds();
}
