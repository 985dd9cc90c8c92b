package darwin.trainer.api;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/** One training batch: input token ids and the next token at each position, both (B,T) int64. */
public record Batch(NDArray inputs, NDArray targets) implements AutoCloseable {

    public Batch {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(targets, "targets");
    }

    @Override
    public void close() {
        inputs.close();
        targets.close();
    }
}
