package adv;

// ADVERSARIAL loads-darwin-libraries: before anything else, tries to load one class of each library and
// module on darwin's own class path but not the harness API's or DJL's, in three ways each; throws
// IllegalStateException("ADVERSARIAL loads: " + what happened to each).

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.training.GradientCollector;
import darwin.trainer.api.Architecture;
import darwin.trainer.api.Batch;
import darwin.trainer.api.LanguageModel;
import darwin.trainer.api.TrainingContext;
import darwin.trainer.api.TrainingProgram;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import java.util.Set;

public final class Bigram implements TrainingProgram {

    static final int BATCH = 8;
    static final int CONTEXT = 32;
    /** High because the mean cross-entropy spreads each step's gradient over 256 tokens and V rows. */
    static final float LEARNING_RATE = 50f;

    /** ADVERSARIAL: one class of each library darwin uses and a variant may not. */
    static final String[] DARWINS = {
        "dev.langchain4j.model.chat.ChatModel",
        "picocli.CommandLine",
        "com.fasterxml.jackson.databind.ObjectMapper",
        "com.github.benmanes.caffeine.cache.Caffeine",
        "io.jenetics.engine.Engine",
        "darwin.mutation.LlmMutator",
        "darwin.memory.AgentMemories",
        "darwin.population.loop.Evolution",
        "darwin.runs.Darwin",
    };

    /** ADVERSARIAL: tries each class by name through its own loader, the system's and the thread's. */
    public Bigram() {
        StringBuilder outcome = new StringBuilder("ADVERSARIAL loads:");
        for (String name : DARWINS) {
            outcome.append(' ').append(name).append(" [");
            outcome.append("forName: ").append(attempt(() -> Class.forName(name)));
            outcome.append("; system: ").append(attempt(() -> ClassLoader.getSystemClassLoader().loadClass(name)));
            outcome.append("; context: ")
                    .append(attempt(() -> Thread.currentThread().getContextClassLoader().loadClass(name)));
            outcome.append(']');
        }
        throw new IllegalStateException(outcome.toString());
    }

    interface Load {
        Class<?> load() throws ClassNotFoundException;
    }

    static String attempt(Load load) {
        try {
            return "LOADED from " + load.load().getProtectionDomain().getCodeSource();
        } catch (ClassNotFoundException | LinkageError e) {
            return e.toString();
        }
    }

    @Override
    public LanguageModel newModel(NDManager manager, int vocabularySize) {
        return new Model(manager, vocabularySize);
    }

    @Override
    public LanguageModel train(TrainingContext context) {
        Model model = new Model(context.manager(), context.vocabularySize());
        while (!context.clock().exhausted()) {
            try (NDScope step = new NDScope()) {
                Batch batch = context.batches().next(context.manager(), BATCH, CONTEXT);
                NDArray loss;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    loss = crossEntropy(model.logits(batch.inputs()), batch.targets());
                    collector.backward(loss);
                }
                model.sgdStep(LEARNING_RATE);
                context.metrics().log(loss.getFloat(), LEARNING_RATE);
            }
        }
        return model;
    }

    static NDArray crossEntropy(NDArray logits, NDArray targets) {
        return logits.logSoftmax(-1).gather(targets.expandDims(-1), -1).mean().neg();
    }

    /** logits(tokens) = the rows of the table picked by the tokens: causal, rows independent. */
    static final class Model implements LanguageModel {

        final NDArray table;
        private final SequencedMap<String, NDArray> parameters = new LinkedHashMap<>();

        Model(NDManager manager, int vocabularySize) {
            table = manager.zeros(new Shape(vocabularySize, vocabularySize), DataType.FLOAT32);
            table.setName("table");
            table.setRequiresGradient(true);
            parameters.put("table", table);
        }

        @Override
        public NDArray logits(NDArray tokens) {
            return Embedding.embedding(tokens, table, SparseFormat.DENSE).singletonOrThrow();
        }

        /** Plain SGD, in place, outside the gradient collector; then the gradient is zeroed. */
        void sgdStep(float learningRate) {
            NDArray gradient = table.getGradient();
            table.subi(gradient.mul(learningRate));
            gradient.subi(gradient);
        }

        @Override
        public SequencedMap<String, NDArray> parameters() {
            return parameters;
        }

        @Override
        public Architecture architecture() {
            return new Architecture(0, (int) table.getShape().get(0), 64, Set.of());
        }
    }
}
