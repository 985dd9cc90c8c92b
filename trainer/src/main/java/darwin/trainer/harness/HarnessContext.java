package darwin.trainer.harness;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import darwin.trainer.api.Batches;
import darwin.trainer.api.BudgetClock;
import darwin.trainer.api.MetricsSink;
import darwin.trainer.api.TrainingContext;

/** The harness's implementation of what a program receives. */
record HarnessContext(
        NDManager manager,
        Device device,
        int vocabularySize,
        Batches batches,
        BudgetClock clock,
        MetricsSink metrics,
        long seed) implements TrainingContext {}
