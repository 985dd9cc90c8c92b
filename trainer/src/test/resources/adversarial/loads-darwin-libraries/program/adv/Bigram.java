package adv;

// ADVERSARIAL loads-darwin-libraries: before anything else, tries to load one class of each library and
// module on darwin's own class path but not the harness API's or DJL's, in three ways each, and prints
// what each gave; throws the first refusal (or, if a class loaded, IllegalStateException("ADVERSARIAL LOADED ...")).

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

    /**
     * ADVERSARIAL: tries each class by name through its own loader, the system's and the thread's,
     * and prints a line for each class with what the three attempts gave. Throws what the first
     * attempt of the first class threw, or, where any attempt loaded a class, says which.
     */
    public Bigram() throws ClassNotFoundException {
        ClassNotFoundException first = null;
        StringBuilder loaded = new StringBuilder();
        for (String name : DARWINS) {
            StringBuilder line = new StringBuilder(name);
            Load[] ways = {
                () -> Class.forName(name),
                () -> ClassLoader.getSystemClassLoader().loadClass(name),
                () -> Thread.currentThread().getContextClassLoader().loadClass(name)};
            String[] labels = {"forName", "system", "context"};
            for (int i = 0; i < ways.length; i++) {
                line.append(i == 0 ? ": " : "; ").append(labels[i]).append('=');
                try {
                    ways[i].load();
                    line.append("LOADED");
                    loaded.append(' ').append(name).append(" (").append(labels[i]).append(')');
                } catch (ClassNotFoundException e) {
                    line.append(e.getMessage());
                    first = first == null ? e : first;
                }
            }
            System.out.println(line);
        }
        if (!loaded.isEmpty()) {
            throw new IllegalStateException("ADVERSARIAL LOADED" + loaded);
        }
        throw first;
    }

    interface Load {
        Class<?> load() throws ClassNotFoundException;
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
