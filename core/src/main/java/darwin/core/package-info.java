/**
 * The vocabulary of darwin: budgets, evaluation statuses, metrics and results; the ports through
 * which the loop mutates, compiles and evaluates ({@link darwin.core.Mutator},
 * {@link darwin.core.CompileCheck}, {@link darwin.core.Evaluator}); and {@link darwin.core.Sleeper},
 * through which what waits can be given a test's clock.
 *
 * <p>Every module speaks these types. They are immutable records and closed enums that check
 * their own invariants, so that a value that exists is a valid value. This package depends on
 * nothing but the JDK and Jackson's annotations; {@code darwin.core.stats} adds Apache Commons
 * Statistics for Student's t.
 */
package darwin.core;
