package darwin.runs.slurm;

/**
 * A scheduler's command failed or could not be run: the message names the command, how it ended
 * and the tail of what it printed.
 */
public final class SchedulerException extends Exception {

    private static final long serialVersionUID = 1L;

    public SchedulerException(String message) {
        super(message);
    }

    public SchedulerException(String message, Throwable cause) {
        super(message, cause);
    }
}
