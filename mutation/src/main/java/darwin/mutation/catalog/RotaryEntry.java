package darwin.mutation.catalog;

import static darwin.mutation.catalog.ModelEntries.METHOD_ANCHOR;
import static darwin.mutation.catalog.ModelEntries.replace;

import java.util.List;
import java.util.Set;

/**
 * Rotary position embeddings (RoPE) in place of the learned position table: the catalog's largest
 * code change.
 *
 * <p>The edits: drop {@code wpe} (its constant, its creation, its use in the forward pass and its
 * declaration as a lookup table, since it is no longer a parameter at all); compute cos/sin tables
 * of shape (context, headSize/2) next to the causal mask; rotate q and k right after the QKV split,
 * by a new method {@code rotate}. The rotation pairs dimension i with i + headSize/2 (the GPT-NeoX
 * layout) with angle position · 10000^(-i/(headSize/2)). Rotating q after its scaling is the same
 * as before it, since the rotation is linear; QK-norm, whose anchors are the q and k lines
 * themselves, composes with it in either order.
 */
final class RotaryEntry {

    private static final String TABLES = """
                    causalMask = manager.create(mask, new Shape(t, t));
                    // rotary tables: angle position * 10000^(-i / half) for each pair (i, i + half) of a head
                    int half = config.headSize() / 2;
                    float[] cos = new float[t * half];
                    float[] sin = new float[t * half];
                    for (int position = 0; position < t; position++) {
                        for (int pair = 0; pair < half; pair++) {
                            double angle = position * Math.pow(10000, -(double) pair / half);
                            cos[position * half + pair] = (float) Math.cos(angle);
                            sin[position * half + pair] = (float) Math.sin(angle);
                        }
                    }
                    rotaryCos = manager.create(cos, new Shape(t, half));
                    rotarySin = manager.create(sin, new Shape(t, half));
            """;

    private static final String ROTATE = """
                /**
                 * Rotary position embedding of (B,H,T,hs) queries or keys: rotates each pair of dimensions
                 * (i, i + hs/2) by the angle of its position, so that q·k depends on relative position.
                 */
                private NDArray rotate(NDArray x, int length) {
                    int half = config.headSize() / 2;
                    NDArray cos = length == config.contextLength() ? rotaryCos : rotaryCos.get("0:" + length);
                    NDArray sin = length == config.contextLength() ? rotarySin : rotarySin.get("0:" + length);
                    NDArray first = x.get(":, :, :, 0:" + half);
                    NDArray second = x.get(":, :, :, " + half + ":");
                    return first.mul(cos).sub(second.mul(sin)).concat(second.mul(cos).add(first.mul(sin)), -1);
                }

            """;

    private RotaryEntry() {}

    static CatalogEntry entry() {
        return new CatalogEntry("rotary-embeddings",
                "Replace the learned position table with rotary position embeddings (RoPE).",
                """
                Drops the learned position table wpe and instead rotates each head's query and key vectors \
                by angles proportional to the token's position (RoPE, base 10000), so that attention scores \
                depend on the distance between tokens rather than on absolute positions. A character model \
                mostly needs relative information (the last few letters, the start of the word), which RoPE \
                gives from the first step, where a learned table must first learn a vector per position; it \
                was one of the first gains of the NanoGPT speedrun. The model loses context × width \
                parameters, and the architecture no longer declares a lookup table. A rotation bug could \
                leak positions or break causality; the harness's causality check would catch the latter.""",
                Set.of(CatalogTag.ARCHITECTURE), new Recipe.Replacements(List.of(
                        replace("    private static final String POSITION_EMBEDDING = \"wpe\";\n\n", ""),
                        replace("    private final NDArray causalMask;\n", """
                                    private final NDArray causalMask;
                                    private final NDArray rotaryCos;
                                    private final NDArray rotarySin;
                                """),
                        replace("        add(POSITION_EMBEDDING, normal(manager, 0.02, config.contextLength(), width));\n", ""),
                        replace("        causalMask = manager.create(mask, new Shape(t, t));\n", TABLES),
                        replace("""
                                        NDArray positions = length == config.contextLength()
                                                ? p(POSITION_EMBEDDING)
                                                : p(POSITION_EMBEDDING).get("0:" + length);
                                """, ""),
                        replace(".singletonOrThrow().add(positions);", ".singletonOrThrow();"),
                        replace("            NDArray v = split.get(2).squeeze(0);\n", """
                                            NDArray v = split.get(2).squeeze(0);
                                            q = rotate(q, length);
                                            k = rotate(k, length);
                                """),
                        replace("Set.of(POSITION_EMBEDDING)", "Set.of()"),
                        replace(METHOD_ANCHOR, ROTATE + METHOD_ANCHOR))));
    }
}
