package darwin.population.confirm;

/** Hears of a confirmation's evaluations as they end. */
@FunctionalInterface
public interface ConfirmationListener {

    /** Hears nothing. */
    ConfirmationListener NONE = (measurement, done, of) -> {};

    /**
     * An evaluation ended (or was found in the cache).
     *
     * @param done how many evaluations have ended, this one included
     * @param of how many the confirmation plans
     */
    void evaluated(Measurement measurement, int done, int of);
}
