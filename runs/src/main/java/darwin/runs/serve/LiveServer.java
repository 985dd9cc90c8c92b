package darwin.runs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import darwin.memory.RunDirectory;
import darwin.memory.query.AttemptFilter;
import darwin.runs.report.ChartLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live page of one run, served over HTTP by the JDK's own server ({@code com.sun.net.httpserver}):
 * the page, its script, style and chart library; its picture of the run as a stream of server-sent
 * events ({@code /events}) and on request ({@code /api/state}); the attempts table, one attempt,
 * and the files of a variant; and the changes a person may make (decide a request, write a
 * suggestion).
 *
 * <p>Every request passes the {@link Gate} first (host, session, and for a change its origin and
 * header); the first visit exchanges the printed token for the session cookie. Each request runs
 * on a virtual thread of its own, so that the event streams, which stay open, cost no platform
 * thread. Answers are plain text for refusals and never HTML made from run text.
 */
public final class LiveServer implements AutoCloseable {

    /** The largest body a change may have. */
    static final int BODY_LIMIT = 128 * 1024;

    /** The most event streams open at once. */
    static final int MOST_STREAMS = 256;

    /** How often the run's files are looked at. */
    static final Duration POLL = Duration.ofMillis(500);

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final Pattern DECISION = Pattern.compile("/api/requests/([A-Za-z0-9]{1,16})/(approve|deny)");

    private final HttpServer server;
    private final ExecutorService threads;
    private final ServeSettings settings;
    private final AccessToken access;
    private final Gate gate;
    private final RunWatch watch;
    private final AttemptsView attempts;
    private final VariantFiles files;
    private final PageActions actions;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, byte[]> assets;
    private final AtomicInteger streams = new AtomicInteger();

    private LiveServer(RunDirectory run, RunDesk desk, ServeSettings settings, HttpServer server) {
        this.server = server;
        this.settings = settings;
        this.access = AccessToken.random(server.getAddress().getPort(), new SecureRandom());
        this.gate = new Gate(access, settings.loopback(), settings.readOnly());
        this.watch = new RunWatch(run, desk, json, Clock.systemDefaultZone(), settings.readOnly(), POLL).start();
        this.attempts = new AttemptsView(run, json);
        this.files = new VariantFiles(run);
        this.actions = new PageActions(desk, json);
        this.assets = Map.of("/", resource("index.html"), "/serve.js", resource("serve.js"), "/serve.css",
                resource("serve.css"), "/chart.js", ChartLibrary.load().source().getBytes(StandardCharsets.UTF_8));
        this.threads = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    /**
     * Serves the run in {@code run} (which may not have started yet) until closed; the page decides
     * and reads through {@code desk}.
     *
     * @throws IllegalArgumentException when the address cannot be listened on (the port is taken)
     */
    public static LiveServer start(RunDirectory run, RunDesk desk, ServeSettings settings) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 64);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serve the page on " + settings.bind().getHostAddress() + ":"
                    + settings.port() + " (" + e.getMessage() + "); choose another with --port (0 picks a free one)", e);
        }
        LiveServer live = new LiveServer(run, desk, settings, server);
        server.start();
        return live;
    }

    /** The page's address with its token: what a person opens (once per browser). */
    public URI address() {
        InetSocketAddress at = server.getAddress();
        String host = settings.loopback() ? "127.0.0.1" : settings.bind().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + at.getPort() + "/?token=" + access.token());
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** What to tell the person: the address, and how to reach it from another machine. */
    public List<String> howToReach() {
        return new ServeNotice(address(), settings, System.getProperty("user.name", "you"), ServeNotice.hostName()).lines();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            try {
                gate.host(exchange);
                String method = exchange.getRequestMethod();
                String path = exchange.getRequestURI().getPath();
                switch (method) {
                    case "GET", "HEAD" -> get(exchange, path);
                    case "POST" -> post(exchange, path);
                    default -> throw new Refused(405, method + " is not answered here");
                }
            } catch (Refused r) {
                Exchanges.text(exchange, r.status(), r.getMessage());
            } catch (RuntimeException e) {
                Exchanges.text(exchange, 500, "the page failed: " + e);
            }
        } catch (IOException e) {
            // the browser went away
        }
    }

    private void get(HttpExchange exchange, String path) throws IOException {
        Map<String, String> query = Exchanges.query(exchange);
        if (path.equals("/") && query.containsKey("token")) {
            signIn(exchange, query.get("token"));
            return;
        }
        gate.session(exchange);
        switch (path) {
            case "/" -> Exchanges.send(exchange, 200, "text/html; charset=utf-8", assets.get(path));
            case "/serve.js", "/chart.js" -> Exchanges.send(exchange, 200, "text/javascript; charset=utf-8", assets.get(path));
            case "/serve.css" -> Exchanges.send(exchange, 200, "text/css; charset=utf-8", assets.get(path));
            case "/events" -> events(exchange);
            case "/api/state" -> Exchanges.json(exchange, 200, watch.current().json());
            case "/api/attempts" -> Exchanges.json(exchange, 200, attempts.list(new AttemptFilter(query.get("status"),
                    query.get("tag"), query.get("agent"))).toString());
            case "/api/attempt" -> Exchanges.json(exchange, 200, attempts.one(query.get("key")).toString());
            case "/api/files" -> Exchanges.json(exchange, 200, json.writeValueAsString(files.list(query.get("variant"))));
            case "/api/file" -> Exchanges.send(exchange, 200, "text/plain; charset=utf-8",
                    files.read(query.get("variant"), query.get("path")));
            default -> throw new Refused(404, "no such page: " + path);
        }
    }

    private void post(HttpExchange exchange, String path) throws IOException {
        gate.change(exchange);
        Matcher decision = DECISION.matcher(path);
        if (!decision.matches() && !path.equals("/api/suggestions")) {
            throw new Refused(404, "no such action: " + path);
        }
        JsonNode body = body(exchange);
        var answer = !decision.matches() ? actions.suggest(body)
                : decision.group(2).equals("approve") ? actions.approve(decision.group(1), body)
                : actions.deny(decision.group(1), body);
        watch.refresh();
        Exchanges.json(exchange, 200, answer.toString());
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes = Exchanges.body(exchange, BODY_LIMIT);
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (IOException e) {
            throw new Refused(400, "the body is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new Refused(400, "the body is not a JSON object");
        }
        return node;
    }

    /** Exchanges the printed token for the session cookie, then sends the browser on to the page. */
    private void signIn(HttpExchange exchange, String token) throws IOException {
        if (!access.isToken(token)) {
            throw new Refused(403, "that is not this server's token: open the address darwin printed");
        }
        exchange.getResponseHeaders().add("Set-Cookie", access.setCookie());
        // a refresh from this page, not a redirect: the next request is the page's own, so a strict cookie goes with it
        Exchanges.send(exchange, 200, "text/html; charset=utf-8", ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0; url=/\"><title>darwin</title></head>"
                + "<body><p>Signed in. <a href=\"/\">Open the run's page</a>.</p></body></html>").getBytes(StandardCharsets.UTF_8));
    }

    /** A stream of the run's pictures: the latest at once, then each new one, with a comment every 15 s to keep it open. */
    private void events(HttpExchange exchange) throws IOException {
        if (streams.incrementAndGet() > MOST_STREAMS) {
            streams.decrementAndGet();
            throw new Refused(429, "too many pages are open on this run (" + MOST_STREAMS + ")");
        }
        try {
            Exchanges.guard(exchange.getResponseHeaders(), "text/event-stream; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
            long seen = 0;
            while (true) {
                Optional<RunWatch.Snapshot> next = watch.await(seen, KEEP_ALIVE);
                if (next.isEmpty()) {
                    return;
                }
                RunWatch.Snapshot snapshot = next.get();
                if (snapshot.version() > seen) {
                    out.write(("event: state\nid: " + snapshot.version() + "\ndata: " + snapshot.json() + "\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                    seen = snapshot.version();
                } else {
                    out.write(": still here\n\n".getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.decrementAndGet();
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = LiveServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the darwin jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** Stops serving a run that has ended, and says how to serve it again. */
    public static void stop(LiveServer server, RunDirectory run, PrintWriter err) {
        server.close();
        err.println("the live page stopped with the run; serve it again with: darwin serve " + run.root());
        err.flush();
    }

    /** Stops serving: open event streams end, and the port is given back. */
    @Override
    public void close() {
        watch.close();
        server.stop(0);
        threads.shutdownNow();
    }
}
