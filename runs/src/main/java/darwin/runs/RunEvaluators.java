package darwin.runs;

import darwin.memory.RunDirectory;
import darwin.memory.ledger.Ledger;
import darwin.runs.config.RunSettings;
import darwin.trainer.harness.TrainingListener;
import darwin.trainer.sandbox.LocalEvaluator;
import java.util.function.Supplier;

/**
 * Opens the evaluator of a run: the run's own sandbox, slots and cache ({@link RunAssembly#evaluator}),
 * or, in tests, a cache over a stub that trains nothing.
 */
@FunctionalInterface
interface RunEvaluators {

    /**
     * The run's own: sandboxed children in the run's slots, or one Slurm job per evaluation
     * ({@code evaluation.executor}), with the result cache under {@code variants/}.
     */
    RunEvaluators SANDBOX = RunAssembly::evaluator;

    /**
     * @param ledger the run's ledger, once it is open ({@code null} before), where an executor that
     *     records its own events (a cluster's jobs) writes them
     */
    LocalEvaluator open(RunSettings settings, RunDirectory run, TrainingListener listener, Supplier<Ledger> ledger);
}
