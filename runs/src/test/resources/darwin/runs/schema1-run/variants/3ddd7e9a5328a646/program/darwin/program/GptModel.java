package darwin.program;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.ndarray.types.SparseFormat;
import darwin.trainer.api.Architecture;
import darwin.trainer.api.LanguageModel;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import java.util.Set;

/**
 * nanoGPT's GPT: token and position embeddings, pre-LayerNorm transformer blocks (causal
 * multi-head self-attention, then a 4× GELU MLP, each added to the residual stream), a final
 * LayerNorm and an LM head tied to the token embedding.
 *
 * <p>Initialisation as nanoGPT: normal(0, 0.02) for weights and embeddings, with the residual
 * output projections scaled by 1/sqrt(2·layers); zero biases; unit LayerNorm gains.
 */
final class GptModel implements LanguageModel {

    private static final String POSITION_EMBEDDING = "wpe";

    private final GptConfig config;
    private final SequencedMap<String, NDArray> parameters = new LinkedHashMap<>();
    private final NDArray zeroShift;
    private final NDArray causalMask;
    private final NDArray attentionScale;

    GptModel(GptConfig config, NDManager manager, int vocabularySize) {
        this.config = config;
        int width = config.width();
        double projectionStd = 0.02 / Math.sqrt(2.0 * config.layers());
        add("wte", normal(manager, 0.02, vocabularySize, width));
        add(POSITION_EMBEDDING, normal(manager, 0.02, config.contextLength(), width));
        for (int layer = 0; layer < config.layers(); layer++) {
            String block = "h." + layer + ".";
            layerNorm(manager, block + "ln_1");
            linear(manager, block + "attn.c_attn", 3 * width, width, 0.02);
            linear(manager, block + "attn.c_proj", width, width, projectionStd);
            layerNorm(manager, block + "ln_2");
            linear(manager, block + "mlp.c_fc", 4 * width, width, 0.02);
            linear(manager, block + "mlp.c_proj", width, 4 * width, projectionStd);
        }
        layerNorm(manager, "ln_f");
        for (NDArray parameter : parameters.values()) {
            parameter.setRequiresGradient(true);
        }
        zeroShift = manager.zeros(new Shape(width));
        // additive mask: 0 where a position may attend (j <= i), -inf where it would look ahead
        int t = config.contextLength();
        float[] mask = new float[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                mask[i * t + j] = Float.NEGATIVE_INFINITY;
            }
        }
        causalMask = manager.create(mask, new Shape(t, t));
        // a scalar array the model owns: DJL's x.mul(0.5f) would make a temporary scalar that it
        // frees while autograd still needs it for the backward pass (see ARCHITECTURE.md)
        attentionScale = manager.full(new Shape(), (float) (1.0 / Math.sqrt(config.headSize())));
    }

    @Override
    public NDArray logits(NDArray tokens) {
        return forward(tokens, false);
    }

    /** Logits for (B,T) tokens; with {@code training}, dropout is applied where configured. */
    NDArray forward(NDArray tokens, boolean training) {
        long batch = tokens.getShape().get(0);
        int length = Math.toIntExact(tokens.getShape().get(1));
        if (length > config.contextLength()) {
            throw new IllegalArgumentException(
                    "sequence of " + length + " tokens is longer than the context " + config.contextLength());
        }
        int width = config.width();
        int heads = config.heads();
        int headSize = config.headSize();
        NDArray positions = length == config.contextLength()
                ? p(POSITION_EMBEDDING)
                : p(POSITION_EMBEDDING).get("0:" + length);
        NDArray mask = length == config.contextLength() ? causalMask : causalMask.get("0:" + length + ", 0:" + length);
        NDArray x = Embedding.embedding(tokens, p("wte"), SparseFormat.DENSE).singletonOrThrow().add(positions);
        x = dropout(x, training);
        for (int layer = 0; layer < config.layers(); layer++) {
            String block = "h." + layer + ".";
            // attention: one projection to q, k, v laid out as (3, B, H, T, hs)
            NDArray qkv = linear(norm(x, block + "ln_1"), block + "attn.c_attn")
                    .reshape(batch, length, 3, heads, headSize)
                    .transpose(2, 0, 3, 1, 4);
            NDList split = qkv.split(3, 0);
            NDArray q = split.get(0).squeeze(0).mul(attentionScale);
            NDArray k = split.get(1).squeeze(0);
            NDArray v = split.get(2).squeeze(0);
            NDArray attention = q.matMul(k.transpose(0, 1, 3, 2)).add(mask).softmax(-1);
            attention = dropout(attention, training);
            NDArray y = attention.matMul(v).transpose(0, 2, 1, 3).reshape(batch, length, width);
            x = x.add(dropout(linear(y, block + "attn.c_proj"), training));
            // MLP
            NDArray h = linear(norm(x, block + "ln_2"), block + "mlp.c_fc").getNDArrayInternal().gelu();
            x = x.add(dropout(linear(h, block + "mlp.c_proj"), training));
        }
        x = norm(x, "ln_f");
        return Linear.linear(x, p("wte")).singletonOrThrow();
    }

    @Override
    public SequencedMap<String, NDArray> parameters() {
        return parameters;
    }

    @Override
    public Architecture architecture() {
        return new Architecture(config.layers(), config.width(), config.contextLength(), Set.of(POSITION_EMBEDDING));
    }

    GptConfig config() {
        return config;
    }

    private NDArray linear(NDArray input, String name) {
        NDArray bias = config.bias() ? p(name + ".bias") : null;
        return Linear.linear(input, p(name + ".weight"), bias).singletonOrThrow();
    }

    private NDArray norm(NDArray input, String name) {
        NDArray shift = config.bias() ? p(name + ".bias") : zeroShift;
        return LayerNorm.layerNorm(input, new Shape(config.width()), p(name + ".weight"), shift, 1e-5f)
                .singletonOrThrow();
    }

    private NDArray dropout(NDArray input, boolean training) {
        if (!training || config.dropout() == 0) {
            return input;
        }
        return Dropout.dropout(input, (float) config.dropout(), true).singletonOrThrow();
    }

    private NDArray p(String name) {
        return parameters.get(name);
    }

    private void add(String name, NDArray array) {
        array.setName(name);
        parameters.put(name, array);
    }

    private void linear(NDManager manager, String name, int out, int in, double std) {
        add(name + ".weight", normal(manager, std, out, in));
        if (config.bias()) {
            add(name + ".bias", manager.zeros(new Shape(out)));
        }
    }

    private void layerNorm(NDManager manager, String name) {
        add(name + ".weight", manager.ones(new Shape(config.width())));
        if (config.bias()) {
            add(name + ".bias", manager.zeros(new Shape(config.width())));
        }
    }

    private static NDArray normal(NDManager manager, double std, long... shape) {
        return manager.randomNormal(0f, (float) std, new Shape(shape), DataType.FLOAT32);
    }
}
