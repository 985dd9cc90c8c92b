package darwin.program;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import darwin.trainer.api.Batch;
import darwin.trainer.api.BudgetClock;
import darwin.trainer.api.LanguageModel;
import darwin.trainer.api.TrainingContext;
import darwin.trainer.api.TrainingProgram;

/**
 * The seed training program: nanoGPT's training loop. Each step draws a batch, computes the
 * cross-entropy of the next token, back-propagates, clips the gradients' global norm and takes an
 * AdamW step at the scheduled learning rate, until the budget is spent.
 */
public final class NanoGpt implements TrainingProgram {

    private final GptConfig config;

    public NanoGpt() {
        this(GptConfig.BABY);
    }

    public NanoGpt(GptConfig config) {
        this.config = config;
    }

    @Override
    public LanguageModel newModel(NDManager manager, int vocabularySize) {
        return new GptModel(config, manager, vocabularySize);
    }

    @Override
    public LanguageModel train(TrainingContext context) {
        GptModel model = new GptModel(config, context.manager(), context.vocabularySize());
        AdamW optimizer = new AdamW(config, model.parameters(), context.manager());
        LearningRateSchedule schedule = new LearningRateSchedule(config);
        BudgetClock clock = context.clock();
        while (!clock.exhausted()) {
            double learningRate = schedule.rate(clock.steps(), clock.progress());
            try (NDScope step = new NDScope()) {
                Batch batch = context.batches().next(context.manager(), config.batchSize(), config.contextLength());
                NDArray loss;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray logits = model.forward(batch.inputs(), true);
                    loss = crossEntropy(logits, batch.targets());
                    collector.backward(loss);
                }
                double lossValue = loss.getFloat();
                optimizer.step(learningRate);
                context.metrics().log(lossValue, learningRate);
            }
        }
        return model;
    }

    /** Mean cross-entropy of the targets under the logits. */
    static NDArray crossEntropy(NDArray logits, NDArray targets) {
        NDArray logProbabilities = logits.logSoftmax(-1);
        return logProbabilities.gather(targets.expandDims(-1), -1).mean().neg();
    }
}
