package darwin.runs.serve;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Where and how the live page is served.
 *
 * @param bind the address to listen on: loopback unless a person says otherwise
 * @param port the port; 0 picks a free one
 * @param readOnly whether the page shows the run only, and changes nothing
 */
public record ServeSettings(InetAddress bind, int port, boolean readOnly) {

    /** The port the page is served on unless told otherwise. */
    public static final int DEFAULT_PORT = 8787;

    public ServeSettings {
        Objects.requireNonNull(bind, "bind");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 (any free port) and 65535, not " + port);
        }
    }

    /** Loopback, on a port, changes allowed: what {@code --serve} on a run means. */
    public static ServeSettings loopback(int port) {
        return new ServeSettings(InetAddress.getLoopbackAddress(), port, false);
    }

    /** Whether only this machine can reach the page. */
    public boolean loopback() {
        return bind.isLoopbackAddress();
    }
}
