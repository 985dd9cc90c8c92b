package darwin.trainer.measure;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import darwin.trainer.api.LanguageModel;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Checks that a model is causal: on random inputs, changing the tokens after position t must not
 * change the logits at positions 0..t; and that the sequences of a batch are independent:
 * changing one sequence must not change the logits of another. A model that looks ahead, or
 * across the rows of a batch, can score a loss it did not earn and must never win.
 */
public final class CausalityCheck {

    private static final int SEQUENCES = 2;
    private static final int CUTS = 3;
    private static final float TOLERANCE = 1e-3f;

    private final long seed;

    public CausalityCheck(long seed) {
        this.seed = seed;
    }

    /** Empty when the model's logits on random inputs are all finite; otherwise what was seen. */
    public Optional<String> nonFinite(LanguageModel model, NDManager manager, int vocabularySize) {
        int length = model.architecture().contextLength();
        long[] tokens = randomTokens(new SplittableRandom(seed), length, vocabularySize);
        try (NDScope arrays = new NDScope(); NDManager scope = manager.newSubManager()) {
            NDArray logits = logits(model, scope, tokens, length);
            long bad = logits.isNaN().logicalOr(logits.isInfinite()).countNonzero().getLong();
            return bad == 0 ? Optional.empty()
                    : Optional.of("the trained model's logits are not finite (" + bad + " of " + logits.size() + " are NaN or infinite)");
        }
    }

    private static long[] randomTokens(SplittableRandom random, int length, int vocabularySize) {
        long[] tokens = new long[SEQUENCES * length];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = random.nextInt(vocabularySize);
        }
        return tokens;
    }

    /** Empty when the model is causal; otherwise what was seen. */
    public Optional<String> violation(LanguageModel model, NDManager manager, int vocabularySize) {
        int length = model.architecture().contextLength();
        if (length < 2) {
            return Optional.empty();
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[] tokens = randomTokens(random, length, vocabularySize);
        try (NDScope arrays = new NDScope(); NDManager scope = manager.newSubManager()) {
            NDArray reference = logits(model, scope, tokens, length);
            for (int cut = 0; cut < CUTS; cut++) {
                // keep positions 0..t, redraw everything after t
                int t = cut == 0 ? 0 : cut == 1 ? length / 2 : length - 2;
                long[] changed = tokens.clone();
                for (int s = 0; s < SEQUENCES; s++) {
                    for (int j = t + 1; j < length; j++) {
                        changed[s * length + j] = (tokens[s * length + j] + 1 + random.nextInt(vocabularySize - 1))
                                % vocabularySize;
                    }
                }
                NDArray perturbed = logits(model, scope, changed, length);
                String kept = "0:" + (t + 1);
                float difference = reference.get(":, " + kept).sub(perturbed.get(":, " + kept)).abs().max().getFloat();
                if (!(difference <= TOLERANCE)) {
                    return Optional.of(String.format(
                            "the model looks ahead: changing tokens after position %d changed the logits at positions"
                                    + " 0..%d by up to %.3g",
                            t, t, difference));
                }
            }
            // rows are independent: redraw every sequence but the first
            long[] others = tokens.clone();
            for (int j = length; j < others.length; j++) {
                others[j] = (tokens[j] + 1 + random.nextInt(vocabularySize - 1)) % vocabularySize;
            }
            NDArray mixed = logits(model, scope, others, length);
            float difference = reference.get("0").sub(mixed.get("0")).abs().max().getFloat();
            if (!(difference <= TOLERANCE)) {
                return Optional.of(String.format(
                        "the model mixes the sequences of a batch: changing the other sequences changed the logits of"
                                + " the first by up to %.3g", difference));
            }
        }
        return Optional.empty();
    }

    private static NDArray logits(LanguageModel model, NDManager manager, long[] tokens, int length) {
        NDArray input = manager.create(tokens, new Shape(SEQUENCES, length));
        return model.logits(input).toType(DataType.FLOAT32, false);
    }
}
