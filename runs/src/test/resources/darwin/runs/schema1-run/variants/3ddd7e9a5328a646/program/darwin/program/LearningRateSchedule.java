package darwin.program;

/**
 * nanoGPT's schedule: linear warm-up for a number of steps, then cosine decay to the minimum
 * rate over the rest of the budget. The decay follows the budget's progress, so the same schedule
 * serves step budgets (where it equals nanoGPT's) and time budgets.
 */
final class LearningRateSchedule {

    private final GptConfig config;
    private double warmupEndProgress = -1;

    LearningRateSchedule(GptConfig config) {
        this.config = config;
    }

    /**
     * The rate for the step about to run.
     *
     * @param step steps already taken
     * @param progress share of the budget spent before this step
     */
    double rate(long step, double progress) {
        if (step < config.warmupSteps()) {
            return config.learningRate() * (step + 1) / (config.warmupSteps() + 1);
        }
        if (warmupEndProgress < 0) {
            warmupEndProgress = progress;
        }
        double span = 1 - warmupEndProgress;
        double ratio = span <= 0 ? 1 : Math.min(1, Math.max(0, (progress - warmupEndProgress) / span));
        double coefficient = 0.5 * (1 + Math.cos(Math.PI * ratio));
        return config.minLearningRate() + coefficient * (config.learningRate() - config.minLearningRate());
    }
}
