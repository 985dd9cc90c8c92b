package darwin.trainer.sandbox;

/** Checks shared by the figures of the children's reports. */
final class ReportFigures {

    private ReportFigures() {}

    /**
     * Checks a duration in seconds: finite and not negative.
     *
     * @throws IllegalArgumentException naming the figure otherwise
     */
    static void seconds(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("\"" + name + "\" must be a finite number of seconds, not " + value);
        }
    }
}
