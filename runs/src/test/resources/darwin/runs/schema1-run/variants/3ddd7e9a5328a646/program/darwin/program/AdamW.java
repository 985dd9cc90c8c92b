package darwin.program;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AdamW with decoupled weight decay on parameters of two or more dimensions only (matrices and
 * embeddings; not gains or biases), as nanoGPT configures it, and global-norm gradient clipping.
 * The update of each parameter is one fused native call.
 */
final class AdamW {

    private final GptConfig config;
    private final List<NDArray> parameters = new ArrayList<>();
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private final float[] decay;
    private long updates;

    AdamW(GptConfig config, Map<String, NDArray> parameters, NDManager manager) {
        this.config = config;
        this.decay = new float[parameters.size()];
        int i = 0;
        for (NDArray parameter : parameters.values()) {
            this.parameters.add(parameter);
            means.add(manager.zeros(parameter.getShape()));
            variances.add(manager.zeros(parameter.getShape()));
            decay[i++] = parameter.getShape().dimension() >= 2 ? (float) config.weightDecay() : 0f;
        }
    }

    /**
     * Clips the gradients to a global norm of {@code gradClip} and applies one update.
     *
     * @return the global gradient norm before clipping
     */
    double step(double learningRate) {
        NDArray[] grads = new NDArray[parameters.size()];
        double norm;
        try (NDScope scope = new NDScope()) {
            NDArray[] norms = new NDArray[grads.length];
            for (int i = 0; i < grads.length; i++) {
                grads[i] = parameters.get(i).getGradient();
                norms[i] = grads[i].norm();
            }
            NDArray total = norms.length == 1 ? norms[0] : NDArrays.stack(new NDList(norms)).norm();
            norm = total.getFloat();
            updates++;
            double clip = norm > config.gradClip() ? config.gradClip() / (norm + 1e-6) : 1.0;
            double correction1 = 1 - Math.pow(config.beta1(), updates);
            double correction2 = 1 - Math.pow(config.beta2(), updates);
            float correctedRate = (float) (learningRate * Math.sqrt(correction2) / correction1);
            for (int i = 0; i < grads.length; i++) {
                NDArray parameter = parameters.get(i);
                parameter.getNDArrayInternal().adamUpdate(
                        new NDList(parameter, grads[i], means.get(i), variances.get(i)),
                        new NDList(parameter),
                        (float) learningRate,
                        correctedRate,
                        decay[i],
                        (float) clip,
                        -1f,
                        (float) config.beta1(),
                        (float) config.beta2(),
                        1e-8f,
                        false,
                        true);
            }
        }
        return norm;
    }
}
