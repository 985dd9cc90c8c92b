package darwin.trainer.api;

/** Thrown when a program asks for a batch after its budget is spent. */
public final class BudgetExhaustedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BudgetExhaustedException(String message) {
        super(message);
    }
}
