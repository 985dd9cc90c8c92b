/**
 * The vocabulary of darwin: budgets, evaluation statuses, metrics and results; the task a mutating
 * agent is given ({@link darwin.core.MutationTask}, with its typed {@link darwin.core.LineageStep}s,
 * peers and notes, which the mutation side words); the ports through which the loop mutates,
 * compiles and evaluates ({@link darwin.core.Mutator}, {@link darwin.core.CompileCheck},
 * {@link darwin.core.Evaluator}), keeps variants ({@link darwin.core.VariantStore}), records diffs
 * ({@link darwin.core.VariantDiff}) and lists approved resources
 * ({@link darwin.core.ResourceManifest}), so that {@code population} needs no other module; and
 * {@link darwin.core.Sleeper}, through which what waits can be given a test's clock.
 *
 * <p>Every module speaks these types. They are immutable records and closed enums that check
 * their own invariants, so that a value that exists is a valid value. This package depends on
 * nothing but the JDK and Jackson's annotations; {@code darwin.core.stats} adds Apache Commons
 * Statistics for Student's t.
 *
 * <h2>Contracts and time in tests</h2>
 *
 * <p>Each port has an abstract contract suite that every implementation's test extends, in the
 * manner of Jenetics' {@code *Tester} classes and of {@code LlmClientContract} (above):
 *
 * <ul>
 *   <li>{@code MutatorContract} (mutation): the test lists the endings a mutator can reach, each
 *       with a fresh mutator and a task. Every ending is a {@code Proposal} of the expected status
 *       with a reason and its rounds, never an exception; it names the task's agent and target; a
 *       {@code PROPOSED} child has the target as its one parent and differs from it, a
 *       {@code REQUEST_ONLY} proposal carries a request and no edit; the same task to a mutator
 *       that hears the same gives the same proposal; an interrupt is never swallowed (an
 *       {@code InterruptedException}, or a proposal with the flag still set).
 *       {@code LlmMutatorTest} runs it against a scripted {@code LlmClient} (a good reply, a
 *       repaired one, a request alone, prose, edits that never apply or never compile, a refusal, a
 *       failing endpoint, the cost cap); {@code OfflineMutatorTest} with the catalog (an entry, an
 *       exhausted lineage, a compiler that rejects the entry).
 *   <li>{@code EvaluatorContract} (trainer): a working variant is measured; a failing one is a
 *       failed {@code EvaluationResult} with a status and a reason, not an exception nor a harness
 *       failure; the same variant, budget and seed give the same result, also to many callers at
 *       once; an interrupt is kept or thrown, and never remembered as the variant's result.
 *       {@code LocalEvaluatorTest} runs it over a stub slot evaluation, and population's
 *       {@code ConfirmationStubTest} over the confirmation tests' stub, so that those tests prove
 *       something about real evaluators. {@code SandboxEvaluator} is the slot evaluation, not an
 *       {@code Evaluator}; it trains for real and its own tests cover it. The trainer publishes its
 *       {@code *Contract} classes as a test jar, on which population's tests depend.
 *   <li>{@code SelectorContract} (population), run by {@code Nsga2Test} and {@code WeightedTest}
 *       over 200 generations drawn from fixed seeds, with and without a significance: the places
 *       are filled (with working variants while there are enough) and every agent owns one selected
 *       variant; the best current members survive as elites with their owners; a failure takes no
 *       place and no rank ahead of a working variant; the same candidates and seed give the same
 *       outcome however they are listed; a dominated child never displaces its parent, nor one
 *       better only within the noise, while one better beyond it does. {@code NoisySelectionTest}
 *       adds the rates under Gaussian noise.
 * </ul>
 *
 * <p>No test waits on the clock to learn whether something happened. What polls or backs off takes
 * a {@code Sleeper} ({@code RetryingClient}, {@code RequestDesk} through {@code Evolution}'s
 * constructor); {@code LocalEvaluator} reads its busy time on an injected ticker; its slot tests
 * hold evaluations on latches and check that a third caller is parked, not running.
 * {@code ShutdownTest}'s child JVM says when the runner has registered its child for the shutdown
 * hook ({@code LiveTrees.count}), instead of the test guessing a pause.
 */
package darwin.core;
