/**
 * The seed training program: a faithful port of nanoGPT to DJL's PyTorch engine.
 *
 * <p>Token and position embeddings, pre-LayerNorm blocks of causal multi-head self-attention and
 * a 4× GELU MLP, a final LayerNorm and an LM head tied to the token embedding; AdamW with weight
 * decay on matrices only, linear warm-up then cosine decay to a tenth of the peak rate, and
 * global-norm gradient clipping. The defaults are nanoGPT's CPU "baby GPT" for tinyshakespeare.
 *
 * <p>This is the code that darwin evolves: it is written against {@link darwin.trainer.api} only.
 * Parameters are plain arrays rather than DJL blocks so that every operation of a step is visible
 * in a few short files an LLM can read and edit, and so that a step costs few JNI calls.
 *
 * <h2>The seed program in detail</h2>
 *
 * <p>{@code NanoGpt} is a faithful port of nanoGPT's {@code model.py} and {@code train.py} for the
 * configuration in {@code GptConfig.BABY}:
 *
 * <ul>
 *   <li>parameters are plain {@code NDArray}s in a {@code SequencedMap} with nanoGPT's names
 *       ({@code wte}, {@code wpe}, {@code h.0.attn.c_attn.weight}, …), initialised as nanoGPT
 *       (normal 0.02, residual projections scaled by 1/√(2L)); no biases by default, as
 *       {@code train.py};
 *   <li>attention is one QKV projection, a batched product with an additive causal mask, softmax
 *       and a second product; the MLP is 4× with exact GELU; the head is tied to {@code wte};
 *   <li>{@code AdamW} calls DJL's fused native AdamW update per parameter, with weight decay only
 *       on parameters of two or more dimensions (DJL's own {@code Adam} optimizer would decay every
 *       parameter), and scales the gradients by the global-norm clip factor through the same call
 *       (DJL's {@code clipGrad} is element-wise, not global);
 *   <li>{@code LearningRateSchedule} is nanoGPT's warm-up and cosine decay to lr/10, following the
 *       budget's progress so that it serves time budgets too.
 * </ul>
 *
 * <p>Why plain arrays rather than DJL's {@code Block}s and {@code Trainer}: the code an LLM will
 * edit should show every operation of a step in a few short files, and a step should cost few JNI
 * calls. Each step runs inside an {@code NDScope}, which frees every intermediate array when the
 * step ends.
 *
 * <p><b>Scalars live in arrays the model owns.</b> DJL 0.35's arithmetic with a Java number
 * ({@code x.mul(0.5f)}, {@code div}, {@code pow}) makes a temporary scalar array over Java-owned
 * memory and closes it right after the operation, but autograd keeps that scalar for the backward
 * pass (the gradient of a product reads the other factor). When a garbage collection falls between
 * the forward and the backward pass, the memory is reclaimed and the gradients are garbage: the
 * seed, which scaled its queries with {@code q.mul(scale)}, turned to NaN at step 1019 of 2000 in
 * two of five {@code darwin train} runs on one machine — the same step for two seeds, because that
 * is where the collector first ran. The seed now multiplies by {@code attentionScale}, a scalar
 * made once with {@code manager.full} and kept by the model, as its causal mask is
 * ({@code GptModelTest} forces a collection between the passes and compares the gradients). The
 * reference the mutation prompt bundles tells the LLM the same rule.
 */
package darwin.program;
