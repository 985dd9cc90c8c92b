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
 */
package darwin.program;
