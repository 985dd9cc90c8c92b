package darwin.trainer.api;

import java.util.Objects;
import java.util.Set;

/**
 * What a model declares about its shape for FLOP accounting (6N + 12·L·d·T, as nanoGPT's
 * {@code estimate_mfu}).
 *
 * @param layers number of attention layers L
 * @param width model width d (attention dimension)
 * @param contextLength the longest sequence T the model accepts
 * @param lookupTables names of parameters used only as lookup tables (such as a position
 *     embedding), which do no multiply-adds and are left out of N; declaring one can only lower
 *     the model's FLOPs, never raise them
 */
public record Architecture(int layers, int width, int contextLength, Set<String> lookupTables) {

    public Architecture {
        if (layers < 0 || width < 1 || contextLength < 1) {
            throw new IllegalArgumentException(
                    "layers must be >= 0 and width, context length >= 1: " + layers + ", " + width + ", " + contextLength);
        }
        lookupTables = Set.copyOf(Objects.requireNonNull(lookupTables, "lookupTables"));
    }
}
