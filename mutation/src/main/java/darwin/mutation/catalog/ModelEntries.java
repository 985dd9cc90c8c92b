package darwin.mutation.catalog;

import static darwin.mutation.catalog.CatalogTag.ARCHITECTURE;
import static darwin.mutation.catalog.CatalogTag.INITIALISATION;

import darwin.core.Edit;
import java.util.List;
import java.util.Set;

/**
 * Entries that change the model's code in {@code GptModel.java}: the MLP's activation, QK-norm,
 * an untied head and two initialisation rules. Rotary embeddings, the largest, are {@link
 * RotaryEntry}.
 *
 * <p>Anchors: each edit searches for the smallest text it changes (one expression or one
 * statement), so that it still finds it after other entries changed the file around it. A new
 * method goes in front of {@link #METHOD_ANCHOR}, the declaration of the parameter accessor,
 * which every entry leaves in place.
 */
final class ModelEntries {

    /** The line new methods are inserted in front of. */
    static final String METHOD_ANCHOR = "    private NDArray p(String name) {";

    private ModelEntries() {}

    static List<CatalogEntry> all() {
        return List.of(RotaryEntry.entry(), reluSquared(), qkNorm(), untiedHead(), zeroInitProjections(), fanInInit());
    }

    static CatalogEntry reluSquared() {
        return new CatalogEntry("relu-squared-mlp",
                "Use ReLU² instead of GELU as the MLP's activation.",
                """
                Replaces the MLP's exact GELU with the square of a ReLU, as found by the Primer architecture \
                search and adopted by the NanoGPT speedrun. ReLU² is sparse (about half the hidden units are \
                exactly zero) and grows quadratically for positive inputs; it gave a consistent loss \
                improvement at equal compute in both, and it is cheaper to evaluate than an exact GELU. \
                Its gradient grows with the activation, so at a high learning rate it can be less stable, \
                and hidden units that are negative for every input stop learning.""",
                Set.of(ARCHITECTURE), new Recipe.Replacements(List.of(replace(
                        ".getNDArrayInternal().gelu()",
                        ".getNDArrayInternal().relu().square()"))));
    }

    static CatalogEntry qkNorm() {
        String headNorm = """
                    /**
                     * QK-norm: RMS-normalises each head's query or key vectors (the last axis), then applies
                     * that head dimension's learnable gain.
                     */
                    private NDArray headNorm(NDArray x, String name) {
                        NDArray rms = x.square().mean(new int[] {-1}, true).add(1e-6f).sqrt();
                        return x.div(rms).mul(p(name + ".weight"));
                    }

                """;
        return new CatalogEntry("qk-norm",
                "Normalise queries and keys per head (RMS, learnable gains) before their dot product.",
                """
                Normalises each head's query and key vectors to unit root-mean-square before their dot \
                product, each with a learnable per-dimension gain that starts at 1 (as OLMo 2 and the \
                NanoGPT speedrun do). Without it the attention logits grow with the q and k projections, \
                the softmax saturates and gradients through attention vanish or spike; with it the logits \
                stay bounded by the gains and the 1/√head-size scale, so higher learning rates stay stable. \
                The scale is kept: at head size 32, unit vectors already give logits within ±5.7, and the \
                gains can sharpen attention where it needs to. It costs a few element-wise operations per \
                layer and 2 × head-size parameters per layer.""",
                Set.of(ARCHITECTURE), new Recipe.Replacements(List.of(
                        replace("NDArray q = split.get(0).squeeze(0).mul(attentionScale);",
                                "NDArray q = headNorm(split.get(0).squeeze(0), block + \"attn.q_norm\").mul(attentionScale);"),
                        replace("NDArray k = split.get(1).squeeze(0);",
                                "NDArray k = headNorm(split.get(1).squeeze(0), block + \"attn.k_norm\");"),
                        replace("layerNorm(manager, block + \"ln_2\");", """
                                add(block + "attn.q_norm.weight", manager.ones(new Shape(config.headSize())));
                                            add(block + "attn.k_norm.weight", manager.ones(new Shape(config.headSize())));
                                            layerNorm(manager, block + "ln_2");"""),
                        replace(METHOD_ANCHOR, headNorm + METHOD_ANCHOR))));
    }

    static CatalogEntry untiedHead() {
        return new CatalogEntry("untied-head",
                "Give the model its own LM head instead of reusing the token embedding.",
                """
                Adds an lm_head matrix (vocabulary × width, normal 0.02) for the output logits instead of \
                multiplying by the token embedding wte. Tying saves parameters when the vocabulary is \
                large, but here it is 65 characters, so the head costs only 65 × width parameters, while \
                an untied head lets the input embedding (what a character is) and the output vectors (what \
                predicts it) specialise; the NanoGPT speedrun untied them for a clear gain. The embedding \
                then learns from its input role only, which can slow its first steps a little.""",
                Set.of(ARCHITECTURE), new Recipe.Replacements(List.of(
                        replace("layerNorm(manager, \"ln_f\");", """
                                layerNorm(manager, "ln_f");
                                        add("lm_head", normal(manager, 0.02, vocabularySize, width));"""),
                        replace("Linear.linear(x, p(\"wte\"))", "Linear.linear(x, p(\"lm_head\"))"))));
    }

    static CatalogEntry zeroInitProjections() {
        return new CatalogEntry("zero-init-projections",
                "Initialise the attention and MLP output projections at zero.",
                """
                Starts the output projection of every residual branch (attn.c_proj and mlp.c_proj) at zero \
                instead of normal(0, 0.02/√(2·layers)), so each block begins as the identity and the \
                residual stream at step 0 is exactly the embedding. The NanoGPT speedrun adopted it: a \
                network that starts shallow and grows its blocks in trains more smoothly, and the first \
                updates go where the gradient points instead of undoing random projections. For one step \
                the layers in front of a zero projection get no gradient, and under a long warm-up at a \
                small rate the blocks take a few dozen steps to switch on, which a very short budget \
                feels.""",
                Set.of(INITIALISATION), new Recipe.Replacements(List.of(replace(
                        "double projectionStd = 0.02 / Math.sqrt(2.0 * config.layers());",
                        "double projectionStd = 0.0; // output projections start at zero: each block begins as the identity"))));
    }

    static CatalogEntry fanInInit() {
        return new CatalogEntry("fan-in-init",
                "Initialise the QKV and MLP input matrices at 0.5/√width instead of 0.02.",
                """
                Scales the initial standard deviation of the attention's QKV projection and the MLP's first \
                matrix with the width, 0.5/√width (0.044 at width 128, as the speedrun's linear layers), \
                instead of GPT-2's fixed 0.02, which was chosen for width 768. At width 128, 0.02 gives each \
                block's hidden activations about a quarter of the size of its normalised input, so blocks \
                start nearly silent and attention nearly uniform; a fan-in scale gives every width the same \
                activation size and a faster start. Larger initial attention logits can make attention \
                peaky early, which QK-norm or a lower rate tempers; the output projections keep their own \
                rule.""",
                Set.of(INITIALISATION), new Recipe.Replacements(List.of(
                        replace("\"attn.c_attn\", 3 * width, width, 0.02)",
                                "\"attn.c_attn\", 3 * width, width, 0.5 / Math.sqrt(width))"),
                        replace("\"mlp.c_fc\", 4 * width, width, 0.02)",
                                "\"mlp.c_fc\", 4 * width, width, 0.5 / Math.sqrt(width))"))));
    }

    /** A replacement in the model's file. */
    static Edit.Replace replace(String search, String replacement) {
        return new Edit.Replace(ProgramFiles.MODEL, search, replacement);
    }
}
