package darwin.trainer.process;

/**
 * The process could not be started at all: the workspace is missing, an output file cannot be
 * opened, the executable does not exist, or a sandbox was required and bubblewrap does not work.
 * It is checked because it is an expected failure of the machine, not of the program being run:
 * the caller has to decide what a run that never started means (an infrastructure error, not a
 * bad program). Anything that happens after the start ends in a {@link ProcessOutcome} instead.
 */
public final class ProcessLaunchException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProcessLaunchException(String reason) {
        super(reason);
    }

    public ProcessLaunchException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
