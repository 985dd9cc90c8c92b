package darwin.runs;

import darwin.memory.RunDirectory;
import darwin.runs.config.RunSettings;
import darwin.trainer.harness.TrainingListener;
import darwin.trainer.sandbox.LocalEvaluator;

/**
 * Opens the evaluator of a run: the run's own sandbox, slots and cache ({@link RunAssembly#evaluator}),
 * or, in tests, a cache over a stub that trains nothing.
 */
@FunctionalInterface
interface RunEvaluators {

    /** The run's own: sandboxed children in the run's slots, the result cache under {@code variants/}. */
    RunEvaluators SANDBOX = RunAssembly::evaluator;

    LocalEvaluator open(RunSettings settings, RunDirectory run, TrainingListener listener);
}
