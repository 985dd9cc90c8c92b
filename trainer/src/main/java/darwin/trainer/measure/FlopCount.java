package darwin.trainer.measure;

import ai.djl.ndarray.NDArray;
import darwin.trainer.api.Architecture;
import darwin.trainer.api.LanguageModel;
import java.util.Map;

/**
 * Model FLOPs as nanoGPT's {@code estimate_mfu} counts them (the PaLM appendix B formula): per
 * training token, 6N for the forward and backward multiply-adds of the weights, plus 12·L·d·T for
 * attention over a context of T.
 *
 * @param parameters all scalar parameters of the model
 * @param matmulParameters parameters that take part in matrix products (N): all but lookup tables
 * @param layers L
 * @param width d
 * @param contextLength T
 */
public record FlopCount(long parameters, long matmulParameters, int layers, int width, int contextLength) {

    public FlopCount {
        if (parameters < 0 || matmulParameters < 0 || matmulParameters > parameters) {
            throw new IllegalArgumentException("bad parameter counts " + parameters + ", " + matmulParameters);
        }
    }

    /** Counts a model's actual parameters; the declared lookup tables are left out of N. */
    public static FlopCount of(LanguageModel model) {
        Architecture architecture = model.architecture();
        long all = 0;
        long matmul = 0;
        for (Map.Entry<String, NDArray> entry : model.parameters().entrySet()) {
            long size = entry.getValue().size();
            all += size;
            if (!architecture.lookupTables().contains(entry.getKey())) {
                matmul += size;
            }
        }
        return new FlopCount(all, matmul, architecture.layers(), architecture.width(), architecture.contextLength());
    }

    /** 6N + 12·L·d·T. */
    public double perToken() {
        return 6.0 * matmulParameters + 12.0 * layers * width * contextLength;
    }

    /**
     * Model FLOP utilisation: the FLOP/s the training achieved over the device's peak.
     *
     * @param tokens training tokens processed
     * @param seconds training wall time
     * @param peakFlops the device's peak FLOP/s
     */
    public double mfu(long tokens, double seconds, double peakFlops) {
        if (!(seconds > 0) || !(peakFlops > 0)) {
            return 0;
        }
        return mfu(tokens / seconds, peakFlops);
    }

    /** Model FLOP utilisation at {@code tokensPerSecond} on a device of peak {@code peakFlops}. */
    public double mfu(double tokensPerSecond, double peakFlops) {
        if (!(tokensPerSecond > 0) || !(peakFlops > 0)) {
            return 0;
        }
        return perToken() * tokensPerSecond / peakFlops;
    }
}
