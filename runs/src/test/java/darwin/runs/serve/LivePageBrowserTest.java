package darwin.runs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.RequestKind;
import darwin.core.UpgradeRequest;
import darwin.memory.Request;
import darwin.memory.RequestBook;
import darwin.memory.RequestStatus;
import darwin.memory.RunDirectory;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The live page in a real browser, on a real run: {@code darwin run --serve} in a process of its
 * own (offline catalog, one training step per variant, one child per generation, one evaluation for the
 * noise floor, told to wait for people after its first generation), a pending request planted before it starts, and
 * headless Chromium through Debian's chromium-driver. The page must show generation 1 complete
 * without a reload; a person then approves the request and writes a suggestion on the page, and
 * the run's files must say so. The screenshot goes to {@code target/live-page.png}. Skipped where
 * Chromium or its driver is not installed.
 */
@Timeout(600)
class LivePageBrowserTest {

    private static final Pattern ADDRESS = Pattern.compile("the run's live page: (http://\\S+)");

    @Test
    void aPersonWatchesAGenerationEndThenDecidesAndSuggests(@TempDir Path tmp) throws Exception {
        Optional<Path> chromium = executable("/usr/lib/chromium/chromium", "chromium", "chromium-browser", "google-chrome");
        Optional<Path> driverBinary = executable("/usr/bin/chromedriver", "chromedriver");
        assumeTrue(chromium.isPresent() && driverBinary.isPresent(),
                "Chromium and its WebDriver are not installed (Debian: apt-get install chromium chromium-driver)");
        RunDirectory run = new RunDirectory(tmp.resolve("run"));
        Files.createDirectories(run.root());
        RequestBook book = new RequestBook(run.requests(), new ObjectMapper(), Clock.systemUTC());
        book.file("", 0, "agent-1", new UpgradeRequest(RequestKind.BUDGET, "two steps", "one step teaches nothing", "2"));
        Path config = tmp.resolve("darwin.yaml");
        Files.writeString(config, "population:\n  offspring: 1\nfitness:\n  noise-floor: 1\nrun:\n  await-approval: true\n");
        Path log = tmp.resolve("darwin.err");
        Process darwin = new ProcessBuilder(java(), "-Dai.djl.offline=true", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "-cp", classPath(), "darwin.runs.Darwin", "run", "--config",
                config.toString(), "--out", run.root().toString(), "--population", "2", "--generations", "2", "--steps", "1",
                "--no-confirm", "--serve", "--port", "0")
                .redirectOutput(tmp.resolve("darwin.out").toFile()).redirectError(log.toFile()).start();
        WebDriver browser = null;
        try {
            URI address = address(log, darwin);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.get().toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=1280,2600", "--user-data-dir=" + tmp.resolve("profile"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverBinary.get().toFile())
                    .usingAnyFreePort().build();
            browser = new ChromeDriver(service, options);
            browser.get(address.toString());
            Waiting wait = new Waiting(browser, Duration.ofMinutes(6));
            wait.until(b -> b.getCurrentUrl().endsWith("/") && !b.findElements(By.cssSelector("[data-version]")).isEmpty());
            assertTrue(!browser.getCurrentUrl().contains("token"), "the token leaves the address bar");

            // the run goes on; the page follows it without being reloaded
            wait.until(b -> "1".equals(attribute(b, "#fact-generation", "data-generation")));
            WebElement card = browser.findElement(By.cssSelector("#pending .request[data-id='r1']"));
            card.findElement(By.cssSelector("input.note")).sendKeys("approved from the page");
            card.findElement(By.cssSelector("button.approve")).click();
            wait.until(b -> b.findElement(By.cssSelector("#pending .request[data-id='r1'] .said, #decided tr[data-id='r1']"))
                    .getText().contains("approved") || !b.findElements(By.cssSelector("#decided tr[data-id='r1']")).isEmpty());

            browser.findElement(By.id("suggest-text")).sendKeys("keep the schedule, try a wider model");
            browser.findElement(By.id("suggest-send")).click();
            wait.until(b -> b.findElement(By.id("suggest-said")).getText().contains("written"));
            wait.until(b -> !b.findElements(By.cssSelector("#decided tr[data-id='r1']")).isEmpty());

            Request decided = book.get("r1");
            assertTrue(decided.status() == RequestStatus.APPROVED || decided.status() == RequestStatus.APPLIED,
                    decided.status().name());
            assertEquals("approved from the page", decided.decision().note());
            String suggestions = Files.readString(run.suggestions(), StandardCharsets.UTF_8);
            assertTrue(suggestions.contains("keep the schedule, try a wider model"), suggestions);
            Path shot = Path.of("target", "live-page.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            assertTrue(Files.size(shot) > 10_000, "a screenshot with something on it");
        } finally {
            if (browser != null) {
                browser.quit();
            }
            darwin.descendants().forEach(ProcessHandle::destroyForcibly);
            darwin.destroyForcibly();
        }
    }

    /** Waits for what a page shows, as a person would: looking again every quarter second, up to a limit. */
    private record Waiting(WebDriver browser, Duration limit) {
        void until(Predicate<WebDriver> shown) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            RuntimeException last = null;
            while (System.nanoTime() < deadline) {
                try {
                    if (shown.test(browser)) {
                        return;
                    }
                } catch (RuntimeException e) {
                    last = e; // an element replaced while it was read
                }
                Thread.sleep(250);
            }
            throw new AssertionError("the page did not show it within " + limit + "; it shows:\n"
                    + browser.findElement(By.tagName("body")).getText(), last);
        }
    }

    private static String attribute(WebDriver browser, String selector, String name) {
        List<WebElement> found = browser.findElements(By.cssSelector(selector));
        return found.isEmpty() ? null : found.getFirst().getAttribute(name);
    }

    /** The address darwin prints, once it does. */
    private static URI address(Path log, Process darwin) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Matcher found = ADDRESS.matcher(text);
            if (found.find()) {
                return URI.create(found.group(1));
            }
            if (!darwin.isAlive()) {
                throw new AssertionError("darwin run ended before it served its page:\n" + text);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("darwin run printed no address:\n" + Files.readString(log));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This test's class path, with the one-jar class path that a test runner may use spelled out. */
    private static String classPath() throws IOException {
        String path = System.getProperty("java.class.path");
        String[] entries = path.split(File.pathSeparator);
        if (entries.length != 1 || !entries[0].endsWith(".jar")) {
            return path;
        }
        try (JarFile jar = new JarFile(entries[0])) {
            Manifest manifest = jar.getManifest();
            String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (listed == null) {
                return path;
            }
            List<String> expanded = new ArrayList<>();
            for (String entry : listed.trim().split("\\s+")) {
                URI uri = Path.of(entries[0]).toUri().resolve(entry);
                expanded.add(Path.of(uri).toString());
            }
            return String.join(File.pathSeparator, expanded);
        }
    }

    static Optional<Path> executable(String... names) {
        return Stream.of(names).flatMap(name -> name.startsWith("/") ? Stream.of(Path.of(name))
                : Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }
}
