package darwin.trainer.api;

/**
 * The training curve. The harness adds the step count, tokens and elapsed time it observed; the
 * program reports only what only it knows. Nothing logged here counts towards fitness.
 */
public interface MetricsSink {

    /** Records the training loss of the latest step and the learning rate it used. */
    void log(double trainingLoss, double learningRate);
}
