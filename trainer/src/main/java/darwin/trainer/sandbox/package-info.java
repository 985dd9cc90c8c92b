/**
 * Evaluates an untrusted variant in two child JVMs, one that trains it and one that scores the
 * trained weights, and evaluates variants in slots on this machine.
 *
 * <p>The parent's side: {@link darwin.trainer.sandbox.SandboxEvaluator} orchestrates one
 * evaluation (checks, compiling, the children, the result) with the parts it is made of: the
 * children's command lines ({@code ChildCommand}), their arguments and standard input
 * ({@code ChildArguments}, {@code ChildInput}), the pair of running children and their start
 * handshake ({@code ChildPair}), their signed reports ({@code ReportWatch}) and, without one, how
 * they ended ({@code UnreportedEnding}), and the logs kept of them ({@code EvaluationLogs}).
 * {@link darwin.trainer.sandbox.LocalEvaluator} runs evaluations in slots behind the result cache.
 *
 * <p>The children's side: {@link darwin.trainer.sandbox.TrainChild} and
 * {@link darwin.trainer.sandbox.ScoreChild} are the mains, which load the variant's classes in a
 * {@code VariantClassLoader} ({@code ProgramLoader}) and send back a {@code TrainReport} or a
 * {@code ScoreReport} ({@code ChildReporter}).
 *
 * <p>Between them: the reports are records mapped to JSON by {@code ReportJson}, and framed and
 * signed by {@link darwin.trainer.sandbox.ChildReport}; the weights travel in a
 * {@link darwin.trainer.sandbox.WeightsFile}; each child works in a
 * {@link darwin.trainer.sandbox.Workspace}.
 */
package darwin.trainer.sandbox;
