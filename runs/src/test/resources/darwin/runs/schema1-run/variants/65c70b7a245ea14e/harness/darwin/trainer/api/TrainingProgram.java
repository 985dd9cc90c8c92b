package darwin.trainer.api;

import ai.djl.ndarray.NDManager;

/**
 * A training program: the code under evolution. Implementations need a public no-argument
 * constructor.
 */
public interface TrainingProgram {

    /**
     * Trains a model within the context's budget and returns it. The harness stops handing out
     * batches when the budget is spent; the program should then return promptly.
     */
    LanguageModel train(TrainingContext context) throws Exception;

    /**
     * Builds an untrained model with this program's architecture, whose parameters the harness
     * can overwrite with trained weights (to score a model in another process than the one that
     * trained it).
     */
    LanguageModel newModel(NDManager manager, int vocabularySize);
}
