package darwin.mutation.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on the loopback address that plays back scripted responses and records the
 * requests it received; a stand-in for an LLM provider's API in tests.
 */
public final class LoopbackServer implements AutoCloseable {

    /** A request as received. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    /** A response to play back, after {@code delay}. */
    public record Scripted(int status, Map<String, String> headers, String body, Duration delay) {

        public static Scripted json(int status, String body) {
            return new Scripted(status, Map.of(), body, Duration.ZERO);
        }

        /** An HTML page, as a proxy or gateway in front of the API sends one. */
        public static Scripted html(int status, String body) {
            return new Scripted(status, Map.of("Content-Type", "text/html; charset=utf-8"), body, Duration.ZERO);
        }

        public Scripted withHeader(String name, String value) {
            Map<String, String> copy = new TreeMap<>(headers);
            copy.put(name, value);
            return new Scripted(status, copy, body, delay);
        }

        public Scripted after(Duration wait) {
            return new Scripted(status, headers, body, wait);
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ConcurrentLinkedDeque<Scripted> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Scripted always;

    private LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "loopback-llm-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    public static LoopbackServer start() throws IOException {
        return new LoopbackServer();
    }

    /** The API's base URL, e.g. {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        return origin() + "/v1";
    }

    /** The server's address without a path, e.g. {@code http://127.0.0.1:41234}, where Ollama's API lives. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Plays {@code responses} back in order, one per request. */
    public LoopbackServer then(Scripted... responses) {
        script.addAll(List.of(responses));
        return this;
    }

    /** Plays {@code response} back whenever the script is empty. */
    public LoopbackServer always(Scripted response) {
        this.always = response;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public int requests() {
        return received.size();
    }

    public Received last() {
        return received.get(received.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
            Scripted response = script.poll();
            if (response == null) {
                response = always != null ? always : Scripted.json(500, "{\"error\":{\"message\":\"nothing scripted\"}}");
            }
            if (!response.delay().isZero()) {
                try {
                    Thread.sleep(response.delay());
                } catch (InterruptedException e) {
                    return;
                }
            }
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client went away (a deadline passed): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
