/**
 * The darwin application: the command line ({@link darwin.runs.Darwin}) and its commands. Each
 * command validates its options before anything starts, reports progress on long work, and turns
 * every failure a user can cause into a one-line message and a non-zero exit status.
 *
 * <p>People's decisions and suggestions are made one way, whether from the command line
 * ({@code darwin requests}, {@code darwin suggest}) or from the live page ({@code darwin.runs.serve}):
 * {@code RequestDecisions} checks an approval against what the run can apply and decides through the
 * locked request book; {@code Suggestions} checks the agent and writes through the locked box.
 *
 * <h2>The offline mutator's evidence</h2>
 *
 * <p>The offline mutator asks people too ({@code RunEvidence}, runs): the catalog's
 * {@code RequestAdvisor} reads the training curves of the target and the best peers and the losses
 * along the target's lineage, and asks for more budget or more text when they show it; it asks once
 * — not while a request of the same kind waits, and never twice for the same thing.
 */
package darwin.runs;
