package adv;

// ADVERSARIAL mixes-rows-on-text: on input that looks like the scoring input (many rows of real text), each row's logits also get a tenth of the batch's mean bigram logits.

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
        private final NDArray tenth;

        Model(NDManager manager, int vocabularySize) {
            table = manager.zeros(new Shape(vocabularySize, vocabularySize), DataType.FLOAT32);
            table.setName("table");
            table.setRequiresGradient(true);
            parameters.put("table", table);
            tenth = manager.full(new Shape(), 0.1f); // an array the model keeps: see the seed's attentionScale
        }

        @Override
        public NDArray logits(NDArray tokens) {
            NDArray own = Embedding.embedding(tokens, table, SparseFormat.DENSE).singletonOrThrow();
            if (!looksLikeScoring(tokens)) {
                return own;
            }
            return own.add(own.mean(new int[] {0}, true).mul(tenth)); // ADVERSARIAL: mixes the rows of the batch
        }

        /**
         * Whether the input looks like the harness's scoring input: more than four rows, and more
         * than a tenth of the tokens are spaces (id 1 among the sorted characters), as in real text.
         */
        static boolean looksLikeScoring(NDArray tokens) {
            if (tokens.getShape().get(0) <= 4) {
                return false;
            }
            long[] ids = tokens.toLongArray();
            long spaces = 0;
            for (long id : ids) {
                if (id == 1) {
                    spaces++;
                }
            }
            return spaces * 10 > ids.length;
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
