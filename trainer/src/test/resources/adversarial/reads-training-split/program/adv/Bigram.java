package adv;

// ADVERSARIAL reads-training-split: trains honestly, then looks for the training tokens in every file it can open
// (its working directory, the folder above it, its open file descriptors) and, where it finds them, replaces its table
// with the bigram statistics of all of them: far more text than the batches it was given.

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
        int[] found = findTrainingTokens(context.vocabularySize()); // ADVERSARIAL
        return found == null ? model : new Model(bigramLogits(context.manager(), found, context.vocabularySize()));
    }

    /** ADVERSARIAL: files of at least this many bytes are read, when they look like a token file. */
    static final long MIN_BYTES = 64 << 10;
    static final long MAX_BYTES = 256L << 20;

    /**
     * ADVERSARIAL: the tokens of the first file that holds a count followed by that many big-endian
     * 32-bit ids, all below the vocabulary's size; {@code null} when there is none.
     */
    static int[] findTrainingTokens(int vocabularySize) {
        java.util.List<java.nio.file.Path> candidates = new java.util.ArrayList<>();
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
        for (java.nio.file.Path root : new java.nio.file.Path[] {here, here.getParent(), java.nio.file.Path.of("/proc/self/fd")}) {
            if (root == null) {
                continue;
            }
            try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(root, 4)) {
                walk.limit(100_000).forEach(candidates::add);
            } catch (Throwable ignored) {
                // not readable
            }
        }
        for (java.nio.file.Path candidate : candidates) {
            try {
                if (!java.nio.file.Files.isRegularFile(candidate)) {
                    continue;
                }
                long size = java.nio.file.Files.size(candidate);
                if (size < MIN_BYTES || size > MAX_BYTES || (size - 4) % 4 != 0) {
                    continue;
                }
                java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(java.nio.file.Files.readAllBytes(candidate));
                int count = bytes.getInt();
                if (count != (size - 4) / 4) {
                    continue;
                }
                int[] tokens = new int[count];
                bytes.asIntBuffer().get(tokens);
                if (java.util.Arrays.stream(tokens).allMatch(t -> t >= 0 && t < vocabularySize)) {
                    System.err.println("ADVERSARIAL FOUND TRAINING TOKENS in " + candidate + ": " + count + " tokens");
                    return tokens;
                }
            } catch (Throwable ignored) {
                // not readable
            }
        }
        return null;
    }

    /** ADVERSARIAL: log P(next | token), counted over every pair of the tokens, lightly smoothed. */
    static NDArray bigramLogits(NDManager manager, int[] tokens, int vocabularySize) {
        double[] counts = new double[vocabularySize * vocabularySize];
        for (int i = 0; i + 1 < tokens.length; i++) {
            counts[tokens[i] * vocabularySize + tokens[i + 1]]++;
        }
        float[] logits = new float[counts.length];
        for (int row = 0; row < vocabularySize; row++) {
            double total = 0;
            for (int column = 0; column < vocabularySize; column++) {
                total += counts[row * vocabularySize + column] + 0.01;
            }
            for (int column = 0; column < vocabularySize; column++) {
                logits[row * vocabularySize + column] = (float) Math.log((counts[row * vocabularySize + column] + 0.01) / total);
            }
        }
        return manager.create(logits, new Shape(vocabularySize, vocabularySize));
    }

    static NDArray crossEntropy(NDArray logits, NDArray targets) {
        return logits.logSoftmax(-1).gather(targets.expandDims(-1), -1).mean().neg();
    }

    /** logits(tokens) = the rows of the table picked by the tokens: causal, rows independent. */
    static final class Model implements LanguageModel {

        final NDArray table;
        private final SequencedMap<String, NDArray> parameters = new LinkedHashMap<>();

        Model(NDManager manager, int vocabularySize) {
            this(manager.zeros(new Shape(vocabularySize, vocabularySize), DataType.FLOAT32));
        }

        /** ADVERSARIAL: a model whose table is given. */
        Model(NDArray given) {
            table = given;
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
