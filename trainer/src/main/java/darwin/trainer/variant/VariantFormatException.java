package darwin.trainer.variant;

/** A directory that is not a readable variant; the message says which file and why. */
public final class VariantFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public VariantFormatException(String message) {
        super(message);
    }

    public VariantFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
