package darwin.runs.serve;

import com.sun.net.httpserver.HttpExchange;
import java.util.Locale;
import java.util.Set;

/**
 * The checks every request passes before anything is read or changed. Every request must carry
 * the session cookie (401 without it, 403 with another). A server that listens on loopback also
 * answers only to a loopback name in {@code Host}, so that a page whose name is made to resolve to
 * this machine (DNS rebinding) is refused outright. A change (a POST) must further come from the
 * page itself: it carries the custom header {@value #CHANGE_HEADER}, which a plain form of another
 * site cannot send and a script of another origin may only send after a preflight this server
 * never grants; its {@code Origin} must be this server's own; its body is JSON; and a read-only
 * server accepts none.
 */
final class Gate {

    /** The header that every change carries. */
    static final String CHANGE_HEADER = "X-Darwin-Page";

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final AccessToken access;
    private final boolean loopbackOnly;
    private final boolean readOnly;

    Gate(AccessToken access, boolean loopbackOnly, boolean readOnly) {
        this.access = access;
        this.loopbackOnly = loopbackOnly;
        this.readOnly = readOnly;
    }

    /** Refuses a {@code Host} other than a loopback name, when the server listens on loopback only. */
    void host(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank()) {
            throw new Refused(400, "the request names no Host");
        }
        if (loopbackOnly && !LOOPBACK_NAMES.contains(name(host))) {
            throw new Refused(403, "this page answers to localhost only, not to the name '" + host.strip() + "'");
        }
    }

    /** Refuses a request without this server's session cookie. */
    void session(HttpExchange exchange) {
        String session = Exchanges.cookie(exchange, access.cookie()).orElseThrow(() -> new Refused(401,
                "no session: open the address darwin printed when it began serving this run (it ends with ?token=...)"));
        if (!access.isSession(session)) {
            throw new Refused(403, "this is not a session of this server: open the address darwin printed");
        }
    }

    /** Refuses a change that does not come from the page itself, or any change on a read-only server. */
    void change(HttpExchange exchange) {
        session(exchange);
        if (readOnly) {
            throw new Refused(403, "this page is read-only (served with --read-only): decide with darwin requests and"
                    + " darwin suggest");
        }
        if (!"1".equals(exchange.getRequestHeaders().getFirst(CHANGE_HEADER))) {
            throw new Refused(403, "a change must carry the page's header " + CHANGE_HEADER);
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin == null || !origin.equalsIgnoreCase("http://" + host.strip())) {
            throw new Refused(403, "a change must come from this page (its Origin " + (origin == null ? "is missing" : origin)
                    + ", not http://" + host.strip() + ")");
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new Refused(415, "a change is sent as application/json");
        }
    }

    /** The host name of a {@code Host} header, without its port. */
    static String name(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
