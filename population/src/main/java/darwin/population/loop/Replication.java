package darwin.population.loop;

/**
 * How a run deals with the noise of its measurements.
 *
 * @param floor how many times the seed is evaluated (with different seeds) before the first
 *     generation, to measure the noise floor; 1 measures none
 * @param margin how many standard errors of a difference make it real: a child replaces, dominates
 *     or enters the elite only when it is better by more than this
 * @param cap the most replicates racing gives one variant; 1 races nothing
 * @param raceShare the most evaluations racing spends in a generation, as a share of the
 *     generation's offspring (rounded up); 0 races nothing
 */
public record Replication(int floor, double margin, int cap, double raceShare) {

    /** No noise floor, no racing, every difference counts: one draw per variant. */
    public static final Replication NONE = new Replication(1, 0, 1, 0);

    /**
     * The defaults of {@code darwin run}: the seed three times, a margin of two standard errors,
     * racing to four replicates a variant and a quarter of a generation's offspring.
     */
    public static final Replication STANDARD = new Replication(3, 2.0, 4, 0.25);

    public Replication {
        if (floor < 1 || floor > 100) {
            throw new IllegalArgumentException("the noise floor takes 1 to 100 evaluations of the seed, got " + floor);
        }
        if (!(margin >= 0) || margin > 10) {
            throw new IllegalArgumentException("the margin is 0 to 10 standard errors, got " + margin);
        }
        if (cap < 1 || cap > 100) {
            throw new IllegalArgumentException("racing gives a variant 1 to 100 replicates, got " + cap);
        }
        if (!(raceShare >= 0) || raceShare > 10) {
            throw new IllegalArgumentException("racing's share of a generation is 0 to 10 of its offspring, got " + raceShare);
        }
    }

    /** The most evaluations racing spends in a generation of {@code offspring} children. */
    public int raceBudget(int offspring) {
        return cap < 2 ? 0 : (int) Math.ceil(raceShare * offspring - 1e-9);
    }

    /** Whether the run measures its noise before it starts. */
    public boolean measuresNoise() {
        return floor >= 2;
    }
}
