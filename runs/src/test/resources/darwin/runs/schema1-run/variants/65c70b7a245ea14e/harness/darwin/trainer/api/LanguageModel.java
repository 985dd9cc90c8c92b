package darwin.trainer.api;

import ai.djl.ndarray.NDArray;
import java.util.SequencedMap;

/** A trained autoregressive language model, as handed back to the harness. */
public interface LanguageModel {

    /**
     * Next-token logits for a batch of token ids.
     *
     * @param tokens int64 token ids of shape (B,T), T at most {@link Architecture#contextLength()}
     * @return float32 logits of shape (B,T,V); position t may depend on tokens 0..t only
     */
    NDArray logits(NDArray tokens);

    /** Every trainable parameter by a stable name; the harness counts and saves these. */
    SequencedMap<String, NDArray> parameters();

    /** The shape figures the harness needs for FLOP accounting. */
    Architecture architecture();
}
