package darwin.runs.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 by hand, for tests that must send what a browser would not: any request line, any
 * {@code Host}, a body longer than it says. One request per connection.
 */
final class RawHttp {

    /** A response: its status, its headers (names in lower case; the last of a repeated one), its body. */
    record Response(int status, Map<String, String> headers, String body) {}

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** Sends a request with these headers (a {@code Host} of the loopback address unless given) and body. */
    Response send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Host", "127.0.0.1:" + port);
            all.put("Connection", "close");
            if (body != null && !headers.containsKey("Transfer-Encoding")) {
                all.put("Content-Length", String.valueOf(body.length));
            }
            all.putAll(headers);
            all.forEach((name, value) -> {
                if (value != null) {
                    head.append(name).append(": ").append(value).append("\r\n");
                }
            });
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException e) {
                    // the server may answer and close before it has read all of a body it refuses
                }
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    Response get(String target, String cookie) throws IOException {
        return send("GET", target, cookie == null ? Map.of() : Map.of("Cookie", cookie), null);
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // a reset after the answer: keep what came
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Response(status, headers, body);
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int line = body.indexOf("\r\n", at);
            if (line < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(at, line).strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, line + 2, Math.min(body.length(), line + 2 + size));
            at = line + 2 + size + 2;
        }
        return out.toString();
    }
}
