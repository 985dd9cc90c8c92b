package darwin.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible server on loopback for whole runs: it lists one model, answers every
 * completion of it with the same change to the seed (a shorter warm-up) and others with 404. {@link #down()} makes it answer
 * 503 to everything, listing included, as a failing server behind a proxy does, until
 * {@link #up()}.
 */
final class LlmStandIn implements AutoCloseable {

    static final String MODEL = "stand-in-model";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final AtomicInteger completions = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean down;
    /** After this many completions the server goes down by itself (0: never). */
    volatile int downAfter;
    /** A request to people that the first completion carries ({@code {kind, title, rationale, payload}}), if any. */
    volatile String firstRequest;

    LlmStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    void down() {
        down = true;
    }

    void up() {
        down = false;
    }

    /** Completions answered. */
    int completions() {
        return completions.get();
    }

    /** Requests answered with 503. */
    int refused() {
        return refused.get();
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (down) {
                refused.incrementAndGet();
                send(exchange, 503, "{\"error\":{\"message\":\"the model server is restarting\"}}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/v1/models")) {
                send(exchange, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"" + MODEL + "\",\"object\":\"model\","
                        + "\"created\":1,\"owned_by\":\"me\"}]}");
                return;
            }
            if (!JSON.readTree(request).path("model").asText().equals(MODEL)) {
                send(exchange, 404, "{\"error\":{\"message\":\"The model does not exist\",\"code\":\"model_not_found\"}}");
                return;
            }
            int n = completions.incrementAndGet();
            String reply = JSON.createObjectNode().put("reasoning", "A shorter warm-up reaches useful rates sooner.")
                    .put("summary", "warm up for 50 steps")
                    .set("edits", JSON.readTree("[{\"path\":\"program/darwin/program/GptConfig.java\","
                            + "\"search\":\"1e-3, 1e-4, 100,\",\"replace\":\"1e-3, 1e-4, 50,\"}]")).toString();
            if (n == 1 && firstRequest != null) {
                ObjectNode withRequest = (ObjectNode) JSON.readTree(reply);
                withRequest.set("request", JSON.readTree(firstRequest));
                reply = withRequest.toString();
            }
            ObjectNode body = JSON.createObjectNode().put("id", "c" + n).put("object", "chat.completion").put("created", 1)
                    .put("model", MODEL);
            body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("message")
                    .put("role", "assistant").put("content", reply);
            body.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
            send(exchange, 200, body.toString());
            if (downAfter > 0 && n >= downAfter) {
                down = true;
            }
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
    public void close() {
        server.stop(0);
    }
}
