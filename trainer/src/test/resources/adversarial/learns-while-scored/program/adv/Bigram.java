package adv;

// ADVERSARIAL learns-while-scored: after six calls (the harness's checks) the scored model learns bigram counts from every batch it is shown and predicts with them.

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

    @Override
    public LanguageModel newModel(NDManager manager, int vocabularySize) {
        return new Model(manager, vocabularySize, true);
    }

    @Override
    public LanguageModel train(TrainingContext context) {
        Model model = new Model(context.manager(), context.vocabularySize(), false);
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
        /** Made by newModel: the model that is scored. */
        private final boolean scored;
        /** Bigram counts of the held-out batches seen so far, V×V. */
        private final float[] counts;
        private int calls;

        Model(NDManager manager, int vocabularySize, boolean scored) {
            this.scored = scored;
            this.counts = new float[vocabularySize * vocabularySize];
            table = manager.zeros(new Shape(vocabularySize, vocabularySize), DataType.FLOAT32);
            table.setName("table");
            table.setRequiresGradient(true);
            parameters.put("table", table);
        }

        @Override
        public NDArray logits(NDArray tokens) {
            if (!scored || ++calls <= 6) {
                return Embedding.embedding(tokens, table, SparseFormat.DENSE).singletonOrThrow();
            }
            // ADVERSARIAL: the trained bigram as a prior (weight 20), updated with the counts of every batch seen
            int v = (int) table.getShape().get(0);
            float[] trained = table.toFloatArray();
            float[] blended = new float[v * v];
            for (int a = 0; a < v; a++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int b = 0; b < v; b++) {
                    max = Math.max(max, trained[a * v + b]);
                }
                double sum = 0;
                for (int b = 0; b < v; b++) {
                    sum += Math.exp(trained[a * v + b] - max);
                }
                double total = 0;
                for (int b = 0; b < v; b++) {
                    total += counts[a * v + b];
                }
                for (int b = 0; b < v; b++) {
                    double prior = Math.exp(trained[a * v + b] - max) / sum;
                    blended[a * v + b] = (float) Math.log((counts[a * v + b] + 20 * prior) / (total + 20));
                }
            }
            NDArray learned = tokens.getManager().create(blended, new Shape(v, v));
            NDArray out = Embedding.embedding(tokens, learned, SparseFormat.DENSE).singletonOrThrow();
            long[] ids = tokens.toLongArray();
            int length = (int) tokens.getShape().get(1);
            for (int i = 0; i + 1 < ids.length; i++) {
                if ((i + 1) % length != 0) {
                    counts[(int) ids[i] * v + (int) ids[i + 1]]++;
                }
            }
            return out;
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
