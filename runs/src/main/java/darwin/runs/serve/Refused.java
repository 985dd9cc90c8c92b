package darwin.runs.serve;

/**
 * A request the server will not carry out, with the status it answers and a message for the person:
 * thrown by any check or action, and turned into a plain-text answer in one place.
 */
final class Refused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    Refused(int status, String message) {
        super(message);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("a refusal is a 4xx status, not " + status);
        }
        this.status = status;
    }

    int status() {
        return status;
    }
}
