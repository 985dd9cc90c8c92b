package darwin.runs.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the server reads a request and writes an answer. Every answer carries the same guarding
 * headers: a content security policy that lets the page load only its own script, style and data
 * (no inline script, no other origin, no frames), no content sniffing, no referrer (the first
 * address carries the token), and no caching.
 */
final class Exchanges {

    /** The page's content security policy. */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private Exchanges() {}

    /** Answers with a body of the given type. */
    static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        guard(exchange.getResponseHeaders(), type);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void json(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    static void text(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The guarding headers, and the content type. */
    static void guard(Headers headers, String type) {
        headers.set("Content-Type", type);
        headers.set("Content-Security-Policy", POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cache-Control", "no-store");
    }

    /**
     * The request's body, at most {@code limit} bytes.
     *
     * @throws Refused 413 when it is longer, whether or not it says so in advance
     */
    static byte[] body(HttpExchange exchange, int limit) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                throw new Refused(400, "Content-Length is not a number");
            }
            if (length > limit) {
                throw new Refused(413, "the body is " + length + " bytes; at most " + limit + " are accepted");
            }
        }
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = exchange.getRequestBody()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                read.write(buffer, 0, n);
                if (read.size() > limit) {
                    throw new Refused(413, "the body is longer than " + limit + " bytes");
                }
            }
        }
        return read.toByteArray();
    }

    /** The query's parameters, decoded; the first of a repeated name counts. */
    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    /** A cookie the request carries. */
    static Optional<String> cookie(HttpExchange exchange, String name) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                int equals = part.indexOf('=');
                if (equals > 0 && part.substring(0, equals).strip().equals(name)) {
                    return Optional.of(part.substring(equals + 1).strip());
                }
            }
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Refused(400, "the address is not well encoded");
        }
    }
}
