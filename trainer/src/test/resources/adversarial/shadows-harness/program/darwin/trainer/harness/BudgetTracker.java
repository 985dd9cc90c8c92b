// ADVERSARIAL shadows-harness: a class in a package of the harness.
package darwin.trainer.harness;

public final class BudgetTracker {}
