package darwin.mutation.catalog;

import static darwin.mutation.catalog.CatalogTag.ARCHITECTURE;
import static darwin.mutation.catalog.CatalogTag.DATA;
import static darwin.mutation.catalog.CatalogTag.THROUGHPUT;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Entries that trade one size for another in {@code GptConfig.BABY} under a fixed budget: batch
 * against context (the same tokens per step), width against depth (about the same parameters).
 * Each is relative to the current sizes and bounded, so it never applies twice in a row; widths
 * stay a multiple of twice the heads, so that the head size stays even (rotary embeddings rotate
 * pairs).
 */
final class ShapeEntries {

    /** The shortest context {@code short-context-wide-batch} goes to. */
    static final int SHORTEST_CONTEXT = 32;
    /** The longest context {@code long-context-narrow-batch} goes to. */
    static final int LONGEST_CONTEXT = 128;
    /** The fewest layers a width/depth trade leaves. */
    static final int FEWEST_LAYERS = 3;
    /** The most layers a width/depth trade makes. */
    static final int MOST_LAYERS = 6;

    private ShapeEntries() {}

    static List<CatalogEntry> all() {
        return List.of(shortContext(), longContext(), wideShallow(), narrowDeep());
    }

    static CatalogEntry shortContext() {
        return new CatalogEntry("short-context-wide-batch",
                "Halve the context and double the batch (64 × 12 to 32 × 24): the same tokens per step.",
                """
                Halves the context length and doubles the batch, so a step still sees the same number of \
                tokens (768 in the seed), but attention, whose cost grows with the square of the context, \
                costs half as much per token, and twice as many independent windows make each gradient less \
                correlated. What a character model learns first is local (spelling, words, short phrases), \
                for which 32 characters suffice. The harness scores 64-token windows, and a model with a \
                shorter context is scored in pieces, each without the previous piece's context, so held-out \
                loss pays for the shorter memory; it wins only if the throughput and the better gradients \
                outweigh that.""",
                Set.of(DATA, THROUGHPUT), new Recipe.ConfigChange(line -> resizeBatch(line, 0.5)));
    }

    static CatalogEntry longContext() {
        return new CatalogEntry("long-context-narrow-batch",
                "Make the context half again as long and the batch a third smaller (64 × 12 to 96 × 8).",
                """
                Lengthens the context by half and shrinks the batch by a third, keeping about the same \
                tokens per step. The harness scores 64-token windows, so a longer context brings no more \
                context at scoring time; what it brings is that more training positions sit deep in a \
                window, with a long history, and fewer are the context-starved first tokens of a window, \
                which is where a model learns to use long-range structure (speaker names, verse form). \
                Attention costs grow with the context and fewer windows per batch make gradients noisier, \
                so steps are slower and no better informed; a trade-off that can pay only on long \
                budgets.""",
                Set.of(DATA), new Recipe.ConfigChange(line -> resizeBatch(line, 1.5)));
    }

    static CatalogEntry wideShallow() {
        return new CatalogEntry("wide-shallow",
                "Trade depth for width: a quarter fewer layers, a quarter wider (4 × 128 to 3 × 160).",
                """
                Removes a quarter of the transformer blocks (one of four) and widens the model by a quarter (rounded to keep the head \
                size even): 4 layers of width 128 become 3 of width 160, with about as many parameters in \
                the blocks (0.92 M against 0.79 M). Wider matrix products run closer to a device's peak than \
                more, smaller ones, and fewer layers mean fewer sequential operations per step, so under a \
                time budget the model trains on more tokens. Depth buys composition (heads that build on \
                earlier heads, such as induction heads), and a model that is too shallow loses quality \
                that no width gives back; the entry never goes below 3 layers.""",
                Set.of(ARCHITECTURE, THROUGHPUT), new Recipe.ConfigChange(line -> reshape(line, 0.75, 1.25)));
    }

    static CatalogEntry narrowDeep() {
        return new CatalogEntry("narrow-deep",
                "Trade width for depth: half as many layers again, a quarter narrower (4 × 128 to 6 × 96).",
                """
                Adds half as many layers again and narrows the model by a quarter: 4 layers of width 128 \
                become 6 of width 96, about 0.66 M parameters in the blocks against 0.79 M. At a fixed size, \
                deeper transformers tend to model language better, and at this width each layer is cheap. \
                But a step now runs more sequential blocks of smaller matrix products, which use the \
                hardware less well, so under a tight time budget the deeper model may train on fewer tokens \
                and lose; the entry stops at 6 layers.""",
                Set.of(ARCHITECTURE), new Recipe.ConfigChange(line -> reshape(line, 1.5, 0.75)));
    }

    /**
     * Scales the context by a factor and the batch by its inverse (at least 1), within
     * [{@link #SHORTEST_CONTEXT}, {@link #LONGEST_CONTEXT}].
     */
    private static Optional<ConfigLine> resizeBatch(ConfigLine line, double factor) {
        return line.integer("contextLength").flatMap(context -> line.integer("batchSize").flatMap(batch -> {
            int nextContext = (int) Math.round(context * factor);
            int nextBatch = Math.max(1, (int) Math.round(batch / factor));
            if (nextContext < SHORTEST_CONTEXT || nextContext > LONGEST_CONTEXT || nextContext == context) {
                return Optional.empty();
            }
            return Optional.of(line.withInteger("contextLength", nextContext).withInteger("batchSize", nextBatch));
        }));
    }

    /**
     * Scales the depth and the width by factors, the width rounded to a multiple of twice the
     * heads, keeping the depth within [{@link #FEWEST_LAYERS}, {@link #MOST_LAYERS}].
     */
    private static Optional<ConfigLine> reshape(ConfigLine line, double layerFactor, double widthFactor) {
        return line.integer("layers").flatMap(layers -> line.integer("width").flatMap(width -> line.integer("heads")
                .filter(heads -> heads > 0)
                .flatMap(heads -> {
                    int nextLayers = (int) Math.round(layers * layerFactor);
                    int step = 2 * heads;
                    int nextWidth = Math.max(step, (int) Math.round(width * widthFactor / step) * step);
                    if (nextLayers < FEWEST_LAYERS || nextLayers > MOST_LAYERS || nextLayers == layers
                            || nextWidth == width) {
                        return Optional.empty();
                    }
                    return Optional.of(line.withInteger("layers", nextLayers).withInteger("width", nextWidth));
                })));
    }
}
