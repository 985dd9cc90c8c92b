package darwin.population.loop;

import darwin.core.EvaluationResult;
import darwin.core.Proposal;
import darwin.memory.NoiseFloor;
import darwin.population.selection.Survivors;
import java.util.List;

/** Follows a run as it goes, for progress displays and the run's log. Called from several threads. */
public interface EvolutionListener {

    EvolutionListener NONE = new EvolutionListener() {};

    default void generationStarted(int generation, int of) {}

    default void proposed(int generation, int slot, Proposal proposal) {}

    default void evaluated(int generation, String variant, EvaluationResult result) {}

    /** A child was trained at rung {@code rung} (0-based) of {@code of}, below the full budget. */
    default void rungEvaluated(int generation, String variant, int rung, int of, EvaluationResult result) {}

    /** Rung {@code rung} (0-based) of {@code of} closed: {@code promoted} of its {@code entered} children go on. */
    default void promoted(int generation, int rung, int of, int entered, int promoted) {}

    default void generationEnded(int generation, Survivors survivors) {}

    /** The seed's replicates gave the run's noise floor. */
    default void noiseFloor(NoiseFloor floor) {}

    /** A variant was measured again with a fresh seed, racing: its {@code count}-th replicate. */
    default void replicated(int generation, String variant, int count) {}

    /** An approved request took effect from a generation ({@code applied}), or could not. */
    default void requestSettled(int generation, String request, boolean applied, String note) {}

    /** The run waits after a generation until people decide on these pending requests. */
    default void awaitingDecisions(int generation, List<String> pending) {}
}
