package darwin.runs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.runs.Darwin;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    @Test
    void aFolderWithoutARunOrABadPortIsAnErrorBeforeAnythingIsServed(@TempDir Path tmp) throws Exception {
        assertEquals(2, Darwin.run("serve", tmp.toString()));
        Path run = LiveRunFixture.create(tmp).root();
        assertEquals(2, Darwin.run("serve", run.toString(), "--port", "70000"));
        assertEquals(2, Darwin.run("serve", run.toString(), "--bind", "no-such-host.invalid"));
    }

    @Test
    void thePrintedNoticeGivesTheTunnelToALoopbackPage() {
        List<String> lines = new ServeNotice(URI.create("http://127.0.0.1:8787/?token=abc"), ServeSettings.loopback(8787), "ada",
                "gpu-box").lines();
        assertTrue(lines.getFirst().endsWith("http://127.0.0.1:8787/?token=abc"), lines.toString());
        assertTrue(lines.contains("    ssh -N -L 8787:127.0.0.1:8787 ada@gpu-box"), lines.toString());
    }

    @Test
    void aPageBeyondThisMachineSaysWhatThatExposes() throws Exception {
        List<String> lines = new ServeNotice(URI.create("http://10.0.0.5:8787/?token=abc"),
                new ServeSettings(InetAddress.getByName("10.0.0.5"), 8787, true), "ada", "gpu-box").lines();
        String text = String.join("\n", lines);
        assertTrue(text.contains("unencrypted") && text.contains("read the run") && text.contains("read-only"), text);
    }
}
