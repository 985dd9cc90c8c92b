package darwin.runs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.memory.RunDirectory;
import darwin.runs.Suggestions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An open page hears of a change another process makes to the run's files, without asking. */
@Timeout(60)
class LivePageEventsTest {

    @Test
    void aSuggestionWrittenElsewhereReachesTheOpenStream(@TempDir Path tmp) throws Exception {
        RunDirectory run = LiveRunFixture.create(tmp);
        try (LiveServer server = LiveServer.start(run, new darwin.runs.CommandLineDesk(run), ServeSettings.loopback(0))) {
            RawHttp http = new RawHttp(server.port());
            String set = http.get("/?" + server.address().getRawQuery(), null).headers().get("set-cookie");
            String cookie = set.substring(0, set.indexOf(';'));
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                socket.getOutputStream().write(("GET /events HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nCookie: " + cookie
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                BufferedReader events = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                String first = nextState(events);
                assertTrue(first.contains("\"generation\":1") && first.contains("\"suggestions\":[]"), first);
                Suggestions.write(run.root(), "ada", "agent-1", "look at the learning rate");
                String second = nextState(events);
                assertTrue(second.contains("look at the learning rate"), second);
                assertEquals(-1, first.indexOf('\n'), "one line of data per picture");
            }
        }
    }

    /** The data of the next {@code state} event. */
    private static String nextState(BufferedReader events) throws Exception {
        boolean state = false;
        for (String line = events.readLine(); line != null; line = events.readLine()) {
            if (line.equals("event: state")) {
                state = true;
            } else if (state && line.startsWith("data: ")) {
                return line.substring(6);
            }
        }
        throw new AssertionError("the stream ended");
    }
}
