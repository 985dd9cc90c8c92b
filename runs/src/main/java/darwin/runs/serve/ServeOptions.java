package darwin.runs.serve;

import darwin.memory.RunDirectory;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --serve [--port P]} on {@code darwin run} and {@code darwin resume}: the run serves its own
 * live page, on loopback, while it goes, and stops serving when it ends. These are options of the
 * command and not settings of the run: they change nothing the run computes, and a resumed run
 * should not serve because the first one did.
 */
public final class ServeOptions {

    @Option(names = "--serve", description = "Serve the run's live page while it goes (on this machine only; see darwin serve).")
    boolean serve;

    @Option(names = "--port", paramLabel = "P",
            description = "The live page's port with --serve (default: " + ServeSettings.DEFAULT_PORT + "; 0 picks a free one).")
    Integer port;

    /**
     * Starts serving the run's page when {@code --serve} was given, saying where on {@code err}.
     *
     * @throws IllegalArgumentException when {@code --port} is given without {@code --serve}, or the port is taken
     */
    public Optional<LiveServer> start(RunDirectory run, RunDesk desk, PrintWriter err) {
        if (!serve) {
            if (port != null) {
                throw new IllegalArgumentException("--port is the live page's: give it with --serve");
            }
            return Optional.empty();
        }
        LiveServer server = LiveServer.start(run, desk, ServeSettings.loopback(port == null ? ServeSettings.DEFAULT_PORT : port));
        server.howToReach().forEach(err::println);
        err.flush();
        return Optional.of(server);
    }
}
