package darwin.runs.config;

import darwin.population.loop.Replication;

/**
 * How a run deals with the noise of its measurements.
 *
 * @param noiseFloor how many times the seed is evaluated before the first generation, with
 *     different seeds, to measure the run's noise; 1 measures none
 * @param margin how many standard errors a difference must exceed to count
 * @param raceCap the most replicates racing gives one variant; 1 races nothing
 * @param raceShare the most evaluations racing spends in a generation, as a share of its offspring
 */
public record FitnessSettings(int noiseFloor, double margin, int raceCap, double raceShare) {

    public FitnessSettings {
        Settings.NOISE_FLOOR.check(noiseFloor);
        Settings.MARGIN.check(margin);
        Settings.RACE_CAP.check(raceCap);
        Settings.RACE_SHARE.check(raceShare);
    }

    /** The loop's form of these settings. */
    public Replication replication() {
        return new Replication(noiseFloor, margin, raceCap, raceShare);
    }
}
