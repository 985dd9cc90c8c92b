package darwin.trainer.harness;

/** Follows a training run as it goes, for progress displays. Called on the training thread. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {};

    /** The harness enters a phase: calibrating, training, checking, scoring. */
    default void onPhase(String phase) {}

    /** The program logged a step. */
    default void onStep(CurvePoint point) {}
}
