package darwin.population.upgrade;

/** An upgrade that cannot take effect, with a one-line reason for people and for the agent. */
public final class UpgradeException extends Exception {

    private static final long serialVersionUID = 1L;

    public UpgradeException(String reason) {
        super(reason);
    }

    public UpgradeException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
