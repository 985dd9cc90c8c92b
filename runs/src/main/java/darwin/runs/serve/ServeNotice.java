package darwin.runs.serve;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * What darwin says when it begins serving a page: the address with its token, and how to reach it
 * from another machine (an SSH tunnel to a page that listens on loopback), or, when it listens
 * beyond this machine, what that exposes.
 *
 * @param address the page's address with its token
 * @param settings how it is served
 * @param user who runs darwin, for the tunnel's command
 * @param host this machine's name, for the tunnel's command
 */
record ServeNotice(URI address, ServeSettings settings, String user, String host) {

    /** The lines to print. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        int port = address.getPort();
        lines.add("the run's live page: " + address);
        lines.add("  open it once in a browser: the token is exchanged for a cookie, and the page then updates itself");
        if (settings.loopback()) {
            lines.add("  it listens on this machine only; from another one, tunnel to it with");
            lines.add("    ssh -N -L " + port + ":127.0.0.1:" + port + " " + user + "@" + host);
            lines.add("  and open the same address there");
        } else {
            lines.add("  it listens on " + settings.bind().getHostAddress() + ", unencrypted: whoever can reach this port and"
                    + " learns the token can " + (settings.readOnly() ? "read the run" : "decide its requests")
                    + "; the default (this machine only) with an SSH tunnel is safer");
        }
        if (settings.readOnly()) {
            lines.add("  read-only: the page decides no request and writes no suggestion");
        }
        return lines;
    }

    /** This machine's name, or {@code this-machine} when it has none. */
    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "this-machine";
        }
    }
}
