package darwin.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import darwin.trainer.api.Architecture;
import darwin.trainer.api.LanguageModel;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import java.util.Set;
import java.util.SplittableRandom;

/** Hand-made models with known behaviour, for testing the harness's measurements. */
public final class FakeModels {

    private FakeModels() {}

    /** Predicts every token with the same probability: its held-out loss is ln(V) exactly. */
    public static LanguageModel uniform(NDManager manager, int vocabularySize, int context) {
        return new Fixed(manager, context) {
            @Override
            public NDArray logits(NDArray tokens) {
                Shape shape = tokens.getShape();
                return tokens.getManager().zeros(new Shape(shape.get(0), shape.get(1), vocabularySize));
            }
        };
    }

    /** Cheats: puts all its confidence on the token that actually comes next. */
    public static LanguageModel lookingAhead(NDManager manager, int vocabularySize, int context) {
        return new Fixed(manager, context) {
            @Override
            public NDArray logits(NDArray tokens) {
                NDArray next = tokens.get(":, 1:").concat(tokens.get(":, -1:"), 1);
                return next.oneHot(vocabularySize).toType(DataType.FLOAT32, false).mul(10f);
            }
        };
    }

    /** A bigram model with a random table (normal, standard deviation 2, from {@code seed}): honest, causal, rows independent. */
    public static LanguageModel bigram(NDManager manager, int vocabularySize, int context, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[vocabularySize * vocabularySize];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (2 * random.nextGaussian());
        }
        NDArray table = manager.create(values, new Shape(vocabularySize, vocabularySize));
        return new Fixed(manager, context) {
            @Override
            public NDArray logits(NDArray tokens) {
                return Embedding.embedding(tokens, table, SparseFormat.DENSE).singletonOrThrow();
            }
        };
    }

    private abstract static class Fixed implements LanguageModel {
        private final SequencedMap<String, NDArray> parameters = new LinkedHashMap<>();
        private final int context;

        Fixed(NDManager manager, int context) {
            this.context = context;
            parameters.put("w", manager.zeros(new Shape(10, 10)));
            parameters.put("pos", manager.zeros(new Shape(context, 2)));
        }

        @Override
        public SequencedMap<String, NDArray> parameters() {
            return parameters;
        }

        @Override
        public Architecture architecture() {
            return new Architecture(2, 8, context, Set.of("pos"));
        }
    }
}
