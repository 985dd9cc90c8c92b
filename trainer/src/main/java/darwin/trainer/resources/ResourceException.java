package darwin.trainer.resources;

/**
 * A resource that cannot be added or used: a file that is missing, does not match its hash, or is
 * not what it must be. The message is one line and names the file.
 */
public final class ResourceException extends Exception {

    private static final long serialVersionUID = 1L;

    public ResourceException(String message) {
        super(message);
    }

    public ResourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
