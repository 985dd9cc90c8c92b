package darwin.program;

/**
 * The seed program's hyper-parameters; {@link #BABY} is nanoGPT's CPU configuration for
 * tinyshakespeare.
 */
public record GptConfig(
        int layers,
        int heads,
        int width,
        int contextLength,
        int batchSize,
        double learningRate,
        double minLearningRate,
        int warmupSteps,
        double weightDecay,
        double beta1,
        double beta2,
        double gradClip,
        double dropout,
        boolean bias) {

    /** nanoGPT's "baby GPT": 4 layers, 4 heads, width 128, context 64, batch 12, lr 1e-3. */
    public static final GptConfig BABY =
            new GptConfig(4, 4, 128, 64, 12, 1e-3, 1e-4, 50, 0.1, 0.9, 0.99, 1.0, 0.0, false);

    public GptConfig {
        if (layers < 1 || heads < 1 || width < 1 || contextLength < 1 || batchSize < 1) {
            throw new IllegalArgumentException("sizes must be positive");
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException("width " + width + " is not a multiple of heads " + heads);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    public int headSize() {
        return width / heads;
    }
}
