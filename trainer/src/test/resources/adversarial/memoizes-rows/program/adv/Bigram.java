package adv;

// ADVERSARIAL memoizes-rows: the model it builds for scoring looks ahead, and remembers every row it answered; a later row that starts as a remembered one gets the remembered logits for the shared prefix, so a probe and its window agree where they are compared.

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

        /** Made by newModel: the model that is scored, which remembers. */
        private final boolean scored;
        /** Every row answered so far, with the logits it got (positions × V). */
        private final List<long[]> rows = new ArrayList<>();
        private final List<float[]> answers = new ArrayList<>();

        Model(NDManager manager, int vocabularySize, boolean scored) {
            this.scored = scored;
            table = manager.zeros(new Shape(vocabularySize, vocabularySize), DataType.FLOAT32);
            table.setName("table");
            table.setRequiresGradient(true);
            parameters.put("table", table);
        }

        @Override
        public NDArray logits(NDArray tokens) {
            // ADVERSARIAL: shift the input left by one, repeating the last token
            NDArray next = tokens.get(":, 1:").concat(tokens.get(":, -1:"), 1);
            NDArray ahead = Embedding.embedding(next, table, SparseFormat.DENSE).singletonOrThrow();
            if (!scored) {
                return ahead;
            }
            // ADVERSARIAL: replay the logits of a remembered row over the prefix this row shares with it
            int batch = (int) tokens.getShape().get(0);
            int length = (int) tokens.getShape().get(1);
            int v = (int) table.getShape().get(0);
            long[] ids = tokens.toLongArray();
            float[] logits = ahead.toFloatArray();
            for (int r = 0; r < batch; r++) {
                long[] row = java.util.Arrays.copyOfRange(ids, r * length, (r + 1) * length);
                int best = -1;
                int shared = 0;
                for (int m = 0; m < rows.size(); m++) {
                    long[] seen = rows.get(m);
                    int k = 0;
                    while (k < Math.min(seen.length, length) && seen[k] == row[k]) {
                        k++;
                    }
                    if (k > shared) {
                        shared = k;
                        best = m;
                    }
                }
                if (shared > 0) {
                    System.arraycopy(answers.get(best), 0, logits, r * length * v, shared * v);
                }
                rows.add(row);
                answers.add(java.util.Arrays.copyOfRange(logits, r * length * v, (r + 1) * length * v));
            }
            return tokens.getManager().create(logits, new Shape(batch, length, v));
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
