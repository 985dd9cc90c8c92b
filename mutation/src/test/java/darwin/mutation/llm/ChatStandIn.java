package darwin.mutation.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * An OpenAI-compatible server on loopback that answers by path, as a real one does: its model
 * listing ({@code GET /v1/models}) and chat completions, each answered by the number of the
 * completion. It can be {@linkplain #stop() stopped} (connections are refused) and
 * {@linkplain #restart() started again} on the same port, to play an outage.
 */
public final class ChatStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final List<String> models;
    private final IntFunction<String> replies;
    private final AtomicInteger completions = new AtomicInteger();
    private final AtomicInteger listings = new AtomicInteger();
    private volatile int listingStatus = 200;
    private HttpServer server;
    private ExecutorService handlers;
    private boolean running;

    private ChatStandIn(int port, List<String> models, IntFunction<String> replies) throws IOException {
        this.models = List.copyOf(models);
        this.replies = replies;
        this.server = bind(port);
        this.port = server.getAddress().getPort();
    }

    /** A server on a free port that lists {@code models} and answers completion {@code n} with {@code replies(n)}. */
    public static ChatStandIn start(List<String> models, IntFunction<String> replies) throws IOException {
        return new ChatStandIn(0, models, replies);
    }

    /** The API's base URL, e.g. {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    /** Answers the listing with {@code status} and an error body from now on (200 lists again). */
    public ChatStandIn listingAnswers(int status) {
        this.listingStatus = status;
        return this;
    }

    /** Completions answered so far. */
    public int completions() {
        return completions.get();
    }

    /** Listings answered so far. */
    public int listings() {
        return listings.get();
    }

    /** Stops listening: connections are refused until {@link #restart()}. */
    public synchronized void stop() {
        if (running) {
            server.stop(0);
            handlers.shutdownNow();
            running = false;
        }
    }

    /** Listens again on the same port. */
    public synchronized void restart() throws IOException {
        server = bind(port);
    }

    private HttpServer bind(int on) throws IOException {
        HttpServer bound = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 0);
        handlers = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "chat-stand-in");
            thread.setDaemon(true);
            return thread;
        });
        bound.setExecutor(handlers);
        bound.createContext("/", this::handle);
        bound.start();
        running = true;
        return bound;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("GET") && path.equals("/v1/models")) {
                listings.incrementAndGet();
                if (listingStatus != 200) {
                    send(exchange, listingStatus, "{\"error\":{\"message\":\"listing says " + listingStatus + "\"}}");
                    return;
                }
                ObjectNode list = JSON.createObjectNode().put("object", "list");
                models.forEach(id -> list.withArray("data").addObject().put("id", id).put("object", "model")
                        .put("created", 1_700_000_000L).put("owned_by", "stand-in"));
                send(exchange, 200, list.toString());
            } else if (exchange.getRequestMethod().equals("POST") && path.equals("/v1/chat/completions")) {
                int n = completions.incrementAndGet();
                ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-" + n).put("object", "chat.completion")
                        .put("created", 1_700_000_000L).put("model", "stand-in");
                ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", replies.apply(n));
                root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
                send(exchange, 200, root.toString());
            } else {
                send(exchange, 404, "{\"error\":{\"message\":\"no route " + path + "\"}}");
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
