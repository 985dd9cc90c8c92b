package darwin.runs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.memory.RequestBook;
import darwin.memory.RequestStatus;
import darwin.memory.RunDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every request is hostile: each refused with its 4xx, and nothing on disk changed by a refused one. */
@Timeout(60)
class LiveServerSecurityTest {

    @TempDir
    Path tmp;

    private RunDirectory run;
    private LiveServer server;
    private RawHttp http;
    private String cookie;

    @BeforeEach
    void serve() throws Exception {
        run = LiveRunFixture.create(tmp);
        server = LiveServer.start(run, new darwin.runs.CommandLineDesk(run), ServeSettings.loopback(0));
        http = new RawHttp(server.port());
        RawHttp.Response signIn = http.get("/?" + server.address().getRawQuery(), null);
        assertEquals(200, signIn.status(), signIn.body());
        String set = signIn.headers().get("set-cookie");
        assertTrue(set.contains("HttpOnly") && set.contains("SameSite=Strict"), set);
        cookie = set.substring(0, set.indexOf(';'));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void withoutTheSessionNothingIsServed() throws Exception {
        for (String path : new String[] {"/", "/serve.js", "/events", "/api/state", "/api/attempts",
                "/api/file?variant=" + LiveRunFixture.VARIANT + "&path=program/darwin/program/Model.java"}) {
            assertEquals(401, http.get(path, null).status(), path);
            assertEquals(403, http.get(path, "darwin-" + server.port() + "=not-the-session-at-all-not-at-all").status(), path);
        }
        RawHttp.Response wrong = http.get("/?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", null);
        assertEquals(403, wrong.status());
        assertFalse(wrong.headers().containsKey("set-cookie"));
        assertEquals(200, http.get("/api/state", cookie).status());
    }

    @Test
    void thePageRunsOnlyItsOwnScripts() throws Exception {
        RawHttp.Response page = http.get("/", cookie);
        assertEquals(200, page.status());
        String policy = page.headers().get("content-security-policy");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("default-src 'none'"), policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
        assertFalse(page.body().matches("(?s).*<script>.*"), "no inline script");
        assertEquals("nosniff", page.headers().get("x-content-type-options"));
        // run text arrives as JSON data, which the page shows as text
        String state = http.get("/api/state", cookie).body();
        assertTrue(state.contains("\"title\":\"a schedule </script><script>alert(1)</script>\""), state);
        assertTrue(http.get("/api/state", cookie).headers().get("content-type").startsWith("application/json"));
    }

    @Test
    void aForeignHostNameIsRefused() throws Exception {
        RawHttp.Response rebound = http.send("GET", "/api/state", Map.of("Host", "attacker.example:" + server.port(),
                "Cookie", cookie), null);
        assertEquals(403, rebound.status());
        assertEquals(200, http.send("GET", "/api/state", Map.of("Host", "localhost:9999", "Cookie", cookie), null).status(),
                "a tunnel's local port may differ");
    }

    @Test
    void changesFromElsewhereAreRefusedAndChangeNothing() throws Exception {
        Map<String, String> before = LiveRunFixture.contents(run);
        byte[] body = "{\"value\":\"45\",\"note\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        String path = "/api/requests/r1/approve";
        assertEquals(403, post(path, body, Map.of("Origin", "http://attacker.example")).status(), "another origin");
        assertEquals(403, post(path, body, without("Origin")).status(), "no origin");
        assertEquals(403, post(path, body, without(Gate.CHANGE_HEADER)).status(), "no custom header");
        assertEquals(401, post(path, body, without("Cookie")).status(), "no session");
        assertEquals(415, post(path, "value=45".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded")).status(), "a form");
        assertEquals(400, post(path, "[1,2]".getBytes(StandardCharsets.UTF_8), Map.of()).status(), "not an object");
        assertEquals(405, http.send("PUT", path, headers(), body).status());
        assertEquals(before, LiveRunFixture.contents(run));
    }

    @Test
    void oversizedBodiesAreRefusedUnread() throws Exception {
        Map<String, String> before = LiveRunFixture.contents(run);
        byte[] huge = ("{\"text\":\"" + "x".repeat(LiveServer.BODY_LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(413, post("/api/suggestions", huge, Map.of()).status(), "a long body");
        Map<String, String> lying = new HashMap<>(Map.of("Transfer-Encoding", "chunked"));
        String chunked = Integer.toHexString(huge.length) + "\r\n" + new String(huge, StandardCharsets.UTF_8) + "\r\n0\r\n\r\n";
        assertEquals(413, post("/api/suggestions", chunked.getBytes(StandardCharsets.UTF_8), lying).status(),
                "a long body that does not say its length");
        assertEquals(before, LiveRunFixture.contents(run));
    }

    @Test
    void unknownRequestsAre404AndDecisionsAreIdempotent() throws Exception {
        Map<String, String> before = LiveRunFixture.contents(run);
        byte[] approve = "{\"value\":\"45\",\"note\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(404, post("/api/requests/r99/approve", approve, Map.of()).status());
        assertEquals(404, post("/api/requests/r1/accept", approve, Map.of()).status());
        assertEquals(404, post("/api/requests/..%2Fr1/approve", approve, Map.of()).status());
        assertEquals(before, LiveRunFixture.contents(run));

        assertEquals(200, post("/api/requests/r1/approve", approve, Map.of()).status());
        RequestBook book = new RequestBook(run.requests(), new ObjectMapper(), Clock.systemUTC());
        assertEquals(RequestStatus.APPROVED, book.get("r1").status());
        assertEquals("45", book.get("r1").value());
        assertEquals("ok", book.get("r1").decision().note());
        String decided = Files.readString(run.requests());
        RawHttp.Response again = post("/api/requests/r1/approve", approve, Map.of());
        assertEquals(200, again.status());
        assertTrue(again.body().contains("already approved"), again.body());
        assertEquals(409, post("/api/requests/r1/deny", "{}".getBytes(StandardCharsets.UTF_8), Map.of()).status());
        assertEquals(decided, Files.readString(run.requests()), "a decision again changes nothing");
        assertEquals(422, post("/api/requests/r2/approve", "{\"value\":\"\"}".getBytes(StandardCharsets.UTF_8), Map.of())
                .status(), "a script the run could not apply");
        assertEquals(RequestStatus.PENDING, book.get("r2").status());
    }

    @Test
    void suggestionsGoToTheRunsBox() throws Exception {
        assertEquals(422, post("/api/suggestions", "{\"agent\":\"agent-9\",\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8),
                Map.of()).status());
        assertFalse(Files.exists(run.suggestions()));
        RawHttp.Response written = post("/api/suggestions", "{\"agent\":\"agent-2\",\"text\":\"try rotary embeddings\"}"
                .getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(200, written.status(), written.body());
        String box = Files.readString(run.suggestions());
        assertTrue(box.contains("try rotary embeddings") && box.contains("agent-2"), box);
    }

    @Test
    void theFileViewerNeverLeavesTheVariants() throws Exception {
        String file = "/api/file?variant=" + LiveRunFixture.VARIANT + "&path=";
        RawHttp.Response model = http.get(file + "program/darwin/program/Model.java", cookie);
        assertEquals(200, model.status());
        assertTrue(model.body().contains("final class Model"));
        assertTrue(model.headers().get("content-type").startsWith("text/plain"));
        for (String escape : new String[] {"../../run.json", "..%2F..%2Frun.json", "%2e%2e/%2e%2e/run.json",
                "%252e%252e/run.json", "/etc/passwd", "%2Fetc%2Fpasswd", "program/../../../run.json", "program\\..\\x",
                "program//Model.java", "", "program/darwin/program/Model.java%00.txt"}) {
            RawHttp.Response refused = http.get(file + escape, cookie);
            assertEquals(400, refused.status(), escape + ": " + refused.body());
        }
        RawHttp.Response link = http.get(file + "program/darwin/program/Link.java", cookie);
        assertEquals(403, link.status());
        assertFalse(link.body().contains(LiveRunFixture.SECRET));
        assertEquals(403, http.get("/api/file?variant=" + LiveRunFixture.LINKED_VARIANT + "&path=secret.txt", cookie).status());
        assertEquals(403, http.get("/api/files?variant=" + LiveRunFixture.LINKED_VARIANT, cookie).status());
        assertEquals(400, http.get("/api/file?variant=..&path=secret.txt", cookie).status());
        assertEquals(404, http.get(file + "program/Missing.java", cookie).status());
        assertEquals(404, http.get("/../run.json", cookie).status());
        String listing = http.get("/api/files?variant=" + LiveRunFixture.VARIANT, cookie).body();
        assertTrue(listing.contains("program/darwin/program/Model.java") && !listing.contains("Link.java"), listing);
    }

    @Test
    void aReadOnlyPageChangesNothing() throws Exception {
        server.close();
        server = LiveServer.start(run, new darwin.runs.CommandLineDesk(run), new ServeSettings(java.net.InetAddress.getLoopbackAddress(), 0, true));
        http = new RawHttp(server.port());
        RawHttp.Response signIn = http.get("/?" + server.address().getRawQuery(), null);
        String set = signIn.headers().get("set-cookie");
        cookie = set.substring(0, set.indexOf(';'));
        Map<String, String> before = LiveRunFixture.contents(run);
        assertEquals(403, post("/api/requests/r1/approve", "{}".getBytes(StandardCharsets.UTF_8), Map.of()).status());
        assertEquals(403, post("/api/suggestions", "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8), Map.of()).status());
        assertEquals(before, LiveRunFixture.contents(run));
        assertTrue(http.get("/api/state", cookie).body().contains("\"readOnly\":true"));
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new HashMap<>();
        headers.put("Cookie", cookie);
        headers.put("Origin", "http://127.0.0.1:" + server.port());
        headers.put(Gate.CHANGE_HEADER, "1");
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private Map<String, String> without(String name) {
        Map<String, String> headers = headers();
        headers.put(name, null);
        return headers;
    }

    private RawHttp.Response post(String path, byte[] body, Map<String, String> changes) throws Exception {
        Map<String, String> headers = headers();
        headers.putAll(changes);
        return http.send("POST", path, headers, body);
    }
}
