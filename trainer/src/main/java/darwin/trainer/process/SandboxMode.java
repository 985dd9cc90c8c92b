package darwin.trainer.process;

/** Whether a child process runs inside a bubblewrap sandbox. */
public enum SandboxMode {

    /** In bubblewrap when it works on this machine, otherwise as a plain process (the outcome says which). */
    AUTO,

    /** In bubblewrap, or not at all: launching fails when bubblewrap does not work here. */
    BUBBLEWRAP,

    /** As a plain process, still in its own session and with only the environment it is given. */
    NONE
}
