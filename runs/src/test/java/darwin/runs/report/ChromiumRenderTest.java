package darwin.runs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture's page in a real browser: its scripts run under its own security policy, draw every
 * chart, and the hostile text stays text. Skipped where Chromium is not installed.
 */
@Timeout(120)
class ChromiumRenderTest {

    static Optional<Path> chromium() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser", "google-chrome").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }

    @Test
    void theChartsAreDrawnAndNoInjectedScriptRuns(@TempDir Path tmp) throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "Chromium is not installed");
        Path page = ReportPage.write(RunReportTest.fixture(tmp.resolve("run")), tmp.resolve("run/report"));
        Path shot = tmp.resolve("shot.png");
        String dom = browse(chromium.get(), tmp, "--dump-dom", page);
        assertTrue(dom.contains("data-charts-drawn=\"5\""), "every chart drawn:\n" + head(dom));
        assertFalse(dom.contains("<script>alert(1)"), "the hostile text stays text");
        browse(chromium.get(), tmp, "--screenshot=" + shot, page);
        assertTrue(Files.size(shot) > 10_000, "a screenshot with something on it");
    }

    private static String browse(Path chromium, Path tmp, String what, Path page) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + tmp.resolve("profile"), "--virtual-time-budget=5000", "--window-size=1280,3000", what,
                page.toUri().toString()));
        Path out = tmp.resolve("chromium.out");
        Process process = new ProcessBuilder(command).redirectErrorStream(false).redirectOutput(out.toFile())
                .redirectError(tmp.resolve("chromium.err").toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish: " + command);
        }
        assertEquals(0, process.exitValue(), () -> "Chromium failed: " + read(tmp.resolve("chromium.err")));
        return read(out);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + file + " unreadable)";
        }
    }

    private static String head(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
