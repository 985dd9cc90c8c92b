package darwin.runs;

import darwin.memory.RunDirectory;
import darwin.runs.serve.LiveServer;
import darwin.runs.serve.ServeSettings;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code darwin serve DIR}: serves a run's live page until interrupted (Ctrl-C). The run may be
 * live in another process, stopped, or finished; the page reads its files.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a run's live page: its state, figures, lineage, attempts and requests, updating itself;",
                "people decide requests and write suggestions there. The run may be live (in another process),",
                "stopped or finished. It listens on this machine only unless --bind says otherwise; Ctrl-C stops it."})
public final class ServeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The run's directory.")
    Path dir;

    @Option(names = "--port", paramLabel = "P", description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = ServeSettings.DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "The address to listen on (default: loopback, this machine only; reach it through an SSH tunnel).")
    String bind;

    @Option(names = "--read-only", description = "Show the run only: no decisions, no suggestions.")
    boolean readOnly;

    @Spec
    CommandSpec spec;

    /** Stops a serving command; tests count it down. */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        RunDirectory run = new RunDirectory(dir).requireRun();
        ServeSettings settings = new ServeSettings(address(bind), port, readOnly);
        PrintWriter out = spec.commandLine().getOut();
        try (LiveServer server = LiveServer.start(run, new CommandLineDesk(run), settings)) {
            Thread hook = new Thread(stop::countDown, "serve-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            server.howToReach().forEach(out::println);
            out.println("serving " + dir + " until Ctrl-C");
            out.flush();
            try {
                stop.await();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down already
                }
            }
        }
        return 0;
    }

    /** The address to listen on: loopback for none. */
    static InetAddress address(String bind) {
        if (bind == null || bind.isBlank()) {
            return InetAddress.getLoopbackAddress();
        }
        try {
            return InetAddress.getByName(bind.strip());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind " + bind + " is not an address of this machine", e);
        }
    }
}
