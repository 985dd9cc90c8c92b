package darwin.runs.config;

import darwin.population.loop.Rungs;
import java.util.Set;

/**
 * How a run spends its compute on children: budget rungs (successive halving) or the full budget
 * for every child.
 *
 * @param enabled whether children climb rungs before they enter selection
 * @param count how many rungs, the full budget the last
 * @param eta the reduction factor between rungs
 * @param protect whether changes tagged schedule, architecture or regularisation start at the second rung
 */
public record RungSettings(boolean enabled, int count, int eta, boolean protect) {

    public RungSettings {
        Settings.RUNGS_COUNT.check(count);
        Settings.RUNGS_ETA.check(eta);
    }

    /** The loop's form of these settings: {@link Rungs#OFF} when they are off. */
    public Rungs rungs() {
        return enabled ? new Rungs(count, eta, protect ? Rungs.KNOWN_TRAPS : Set.of()) : Rungs.OFF;
    }
}
