package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.trainer.data.Corpus;
import darwin.trainer.harness.TrainingListener;
import darwin.trainer.process.ProcessRunner;
import darwin.trainer.process.ResourceLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every adversarial variant under {@code adversarial/} run through the sandboxed evaluator: each
 * must end with the status its README row gives, leave no process behind, write nothing outside
 * its workspace, never reach the held-out text, and never score better than the honest baseline.
 */
@Timeout(120)
class AdversarialSandboxTest {

    private static final Budget STEPS = Budget.steps(30);
    private static final Budget SECONDS = Budget.seconds(2);
    private static final Budget EQUAL_TIME = Budget.equalTime(2);
    private static final long SEED = 1;
    /** Files the writes-outside case tries to create on the host. */
    private static final List<Path> ESCAPES = List.of(
            Path.of("/etc/darwin-escape"), Path.of("/var/tmp/darwin-escape"), Path.of("/root/darwin-escape.txt"),
            Path.of("/work/darwin-escape.txt"), Path.of("/darwin-escape.txt"), Path.of("/dev/shm/darwin-escape"),
            Path.of("/tmp/darwin-escape-proc1"), Path.of("/tmp/darwin-escape-tmp.txt"));

    /** Lower than the defaults, so that the limit cases are quick and the honest ones show the limits are not in the way. */
    private static final ResourceLimits LIMITS = ResourceLimits.DEFAULTS.withTmpBytes(64L << 20).withDiskBytes(64L << 20)
            .withTasks(256).withOpenFiles(512);
    /** Where the links-logs case points its links: a file of the host's, which no kept log may hold. */
    private static final Path SECRET = Path.of("/tmp/darwin-adversarial-secret.txt");

    private static SandboxEvaluator evaluator;
    /** The evaluator for equal-time budgets: as {@link #evaluator}, with a reference throughput. */
    private static SandboxEvaluator equalTime;
    private static ProcessRunner runner;
    private static Path work;
    private static EvaluationResult honest;

    @BeforeAll
    static void evaluator(@TempDir Path dir) {
        work = dir;
        runner = new ProcessRunner();
        SandboxSettings settings = SandboxSettings.defaults()
                .withWorkRoot(dir)
                .withMemory("512m", 4L << 30)
                .withLimits(Duration.ofSeconds(15), Duration.ofSeconds(90), Duration.ofSeconds(60))
                .withResourceLimits(LIMITS);
        evaluator = new SandboxEvaluator(Corpus.tinyShakespeare(), settings, 1e11, runner);
        equalTime = new SandboxEvaluator(Corpus.tinyShakespeare(), settings, 1e11, 2_000, runner);
        honest = run(AdversarialFixtures.BASELINE, STEPS);
        assertEquals(EvaluationStatus.OK, honest.status(), honest.reason() + "\n" + honest.logTail());
    }

    private static EvaluationResult run(String name, Budget budget) {
        SandboxEvaluator chosen = budget instanceof Budget.EqualTime ? equalTime : evaluator;
        return chosen.evaluate(AdversarialFixtures.variant(name), budget, SEED, TrainingListener.NONE, null);
    }

    /** Runs a case and checks what every case must satisfy. */
    private static EvaluationResult check(String name, Budget budget) throws IOException {
        EvaluationResult result = run(name, budget);
        Set<EvaluationStatus> expected = AdversarialFixtures.expectedStatuses(name);
        assertTrue(expected.contains(result.status()),
                name + ": expected " + expected + " but got " + result.status() + ": " + result.reason() + "\n" + result.logTail());
        // the baseline's budget only: an equal-time grant is a budget of other size
        if (result.status() == EvaluationStatus.OK && budget.equals(STEPS)) {
            assertTrue(result.metrics().valLoss() >= honest.metrics().valLoss() - 1e-3,
                    name + " scored better than the honest baseline: " + result.metrics().valLoss());
        }
        assertTrue(survivors().isEmpty(), name + " left processes behind: " + survivors());
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), name + " left its workspace behind");
        }
        return result;
    }

    @Test
    void honestBaselineIsMeasuredByTheHarness() {
        assertEquals(30, honest.metrics().steps());
        assertEquals(30L * 8 * 32, honest.metrics().tokensTrained());
        assertEquals(65L * 65, honest.metrics().parameters());
        assertTrue(honest.metrics().valLoss() < 3.5, "held-out loss " + honest.metrics().valLoss());
    }

    @Test
    void doesNotCompile() throws IOException {
        EvaluationResult result = check("does-not-compile", STEPS);
        assertTrue(result.reason().contains("program/adv/Bigram.java:38"), result.reason());
    }

    @Test
    void throwsIsARuntimeError() throws IOException {
        assertTrue(check("throws", STEPS).reason().contains("adversarial failure"));
    }

    @Test
    void callsExit() throws IOException {
        EvaluationResult result = check("calls-exit", STEPS);
        assertTrue(result.reason().contains("without reporting a result"), result.reason());
    }

    @Test
    void loopsForever() throws IOException {
        check("loops-forever", SECONDS);
    }

    @Test
    void sleepsPastItsBudget() throws IOException {
        long start = System.nanoTime();
        check("sleeps-past-budget", SECONDS);
        assertTrue((System.nanoTime() - start) / 1e9 < 60, "stopped at the deadline, not after the sleep");
    }

    @Test
    void allocatesHeapWithoutBound() throws IOException {
        check("allocates-heap", STEPS);
    }

    @Test
    void allocatesNativeMemoryWithoutBound() throws IOException {
        check("allocates-native", STEPS);
    }

    @Test
    void spawnsAProcessThatWouldOutliveIt() throws IOException {
        check("spawns-process", STEPS);
    }

    @Test
    void writesOutsideItsWorkspace() throws IOException {
        assumeTrue(evaluator.sandboxed(), "only a sandbox keeps a program from writing where the user may");
        try {
            check("writes-outside", STEPS);
            for (Path escape : ESCAPES) {
                assertFalse(Files.exists(escape), "the program wrote " + escape);
            }
        } finally {
            for (Path escape : ESCAPES) {
                Files.deleteIfExists(escape);
            }
        }
    }

    @Test
    void readsTheHeldOutText() throws IOException {
        assumeTrue(evaluator.sandboxed(), "only a sandbox hides the corpus file from a program");
        EvaluationResult result = check("reads-heldout", STEPS);
        assertFalse(result.reason().contains("FOUND"), result.reason());
        assertFalse(result.logTail().contains("FOUND"), result.logTail());
    }

    @Test
    void shadowsAHarnessClass() throws IOException {
        assertTrue(check("shadows-harness", STEPS).reason().contains("darwin.trainer.harness.BudgetTracker"));
    }

    @Test
    void editsAHarnessFile() throws IOException {
        assertTrue(check("edits-harness", STEPS).reason().contains("harness/darwin/trainer/api/MetricsSink.java"));
    }

    @Test
    void fakeMetricsCountForNothing() throws IOException {
        EvaluationResult result = check("fake-metrics", STEPS);
        if (result.status() == EvaluationStatus.OK) {
            assertEquals(30, result.metrics().steps());
            assertEquals(30L * 8 * 32, result.metrics().tokensTrained());
            assertEquals(honest.metrics().valLoss(), result.metrics().valLoss(), 1e-3);
        }
    }

    @Test
    void returnsNaN() throws IOException {
        assertTrue(check("returns-nan", STEPS).reason().contains("not finite"));
    }

    @Test
    void looksAhead() throws IOException {
        assertTrue(check("looks-ahead", STEPS).reason().contains("looks ahead"));
    }

    @Test
    void mixesTheRowsOfABatch() throws IOException {
        assertTrue(check("mixes-rows", STEPS).reason().contains("mixes the sequences"));
    }

    @Test
    void looksAheadOnlyOnScoringLikeInput() throws IOException {
        assertTrue(check("looks-ahead-on-text", STEPS).reason().contains("looks ahead"));
    }

    @Test
    void mixesTheRowsOnlyOnScoringLikeInput() throws IOException {
        assertTrue(check("mixes-rows-on-text", STEPS).reason().contains("mixes the sequences"));
    }

    @Test
    void aProxyOfTheLogitsChangesNothing() throws IOException {
        EvaluationResult result = check("proxies-logits", STEPS);
        assertEquals(honest.metrics().valLoss(), result.metrics().valLoss(), 1e-6);
    }

    @Test
    void aReportForgedInTheScoringChildCarriesNoLoss() throws IOException {
        EvaluationResult result = check("forges-report", STEPS);
        assertEquals(honest.metrics().valLoss(), result.metrics().valLoss(), 1e-6);
    }

    @Test
    void aSecurityProviderCannotForgeTheTrainingReport() throws IOException {
        EvaluationResult result = check("forges-training-report", STEPS);
        assertEquals(30, result.metrics().steps(), result.logTail());
        assertEquals(30L * 8 * 32, result.metrics().tokensTrained());
    }

    @Test
    void learningWhileScoredIsAViolation() throws IOException {
        assertTrue(check("learns-while-scored", STEPS).reason().contains("carries state"));
    }

    @Test
    void aModelThatRemembersTheRowsItAnsweredStillLooksAhead() throws IOException {
        // its memories differ between the scoring processes: a probe, or a window again, shows it first
        String reason = check("memoizes-rows", STEPS).reason();
        assertTrue(reason.contains("looks ahead") || reason.contains("mixes the sequences"), reason);
    }

    @Test
    void returnsNoModel() throws IOException {
        assertTrue(check("no-model", STEPS).reason().contains("no model"));
    }

    @Test
    void namesAnEntryThatDoesNotExist() throws IOException {
        assertTrue(check("wrong-entry", STEPS).reason().contains("adv.DoesNotExist"));
    }

    @Test
    void loadsDarwinsOwnLibrariesAndIsRefusedEach() throws IOException {
        EvaluationResult result = check("loads-darwin-libraries", STEPS);
        assertTrue(result.reason().contains("ClassNotFoundException: dev.langchain4j.model.chat.ChatModel is refused: "
                + "it belongs to LangChain4j, which darwin uses and a variant may not"), result.reason());
        assertFalse(result.reason().contains("LOADED"), result.reason());
        assertFalse(result.logTail().contains("LOADED"), result.logTail());
        for (var library : List.of(
                Map.entry("dev.langchain4j.model.chat.ChatModel", "LangChain4j"),
                Map.entry("picocli.CommandLine", "picocli"),
                Map.entry("com.fasterxml.jackson.databind.ObjectMapper", "Jackson"),
                Map.entry("com.github.benmanes.caffeine.cache.Caffeine", "Caffeine"),
                Map.entry("io.jenetics.engine.Engine", "Jenetics"),
                Map.entry("darwin.mutation.LlmMutator", "darwin's mutation module"),
                Map.entry("darwin.memory.AgentMemories", "darwin's memory module"),
                Map.entry("darwin.population.loop.Evolution", "darwin's population module"),
                Map.entry("darwin.runs.Darwin", "darwin's application"))) {
            String name = library.getKey();
            String refused = name + " is refused: it belongs to " + library.getValue();
            assertTrue(result.logTail().contains(name + ": forName=" + refused), result.logTail());
            assertTrue(result.logTail().contains("; system=" + name + "; context=" + refused), result.logTail());
        }
    }

    @Test
    void readsTheTrainingSplitFromAFile() throws IOException {
        EvaluationResult result = check("reads-training-split", STEPS);
        assertEquals(honest.metrics().valLoss(), result.metrics().valLoss(), 1e-6,
                "the program trained on more than its batches");
    }

    @Test
    void worksInItsStaticInitializer() throws IOException {
        assertTrue(check("works-in-static-initializer", SECONDS).reason().contains("past its budget"));
    }

    @Test
    void worksInItsConstructor() throws IOException {
        assertTrue(check("works-in-constructor", SECONDS).reason().contains("past its budget"));
    }

    @Test
    void trainsOnKeptBatchesAfterItsBudget() throws IOException {
        EvaluationResult result = check("trains-past-budget", SECONDS);
        assertTrue(result.reason().contains("past its budget of " + SECONDS.describe() + " plus a grace of"), result.reason());
    }

    @Test
    void theSpeedProbesHandOutNoTrainingText() throws IOException {
        EvaluationResult result = check("keeps-probe-text", EQUAL_TIME);
        assertFalse(result.reason().contains("KEPT"), result.reason());
        assertFalse(result.logTail().contains("KEPT"), result.logTail());
    }

    @Test
    void logsReplacedByLinksAreNotFollowed(@TempDir Path logs) throws IOException {
        String secret = "SECRET-" + UUID.randomUUID();
        Files.writeString(SECRET, secret);
        try {
            EvaluationResult result = evaluator.evaluate(AdversarialFixtures.variant("links-logs"), STEPS, SEED,
                    TrainingListener.NONE, logs);
            assertTrue(AdversarialFixtures.expectedStatuses("links-logs").contains(result.status()),
                    result.status() + ": " + result.reason());
            try (Stream<Path> kept = Files.list(logs)) {
                for (Path log : kept.toList()) {
                    assertFalse(Files.readString(log).contains(secret), "the parent followed a link into " + log);
                }
            }
            assertTrue(Files.readString(logs.resolve("curve.jsonl")).contains("symbolic link"),
                    "the kept curve says what was found in its place");
            assertTrue(survivors().isEmpty());
        } finally {
            Files.deleteIfExists(SECRET);
        }
    }

    @Test
    void namedPipesInPlaceOfItsFilesDoNotBlockTheParent() {
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> check("fifo-stdout", STEPS),
                "the parent waits on a named pipe");
    }

    @Test
    void aFloodOfOutputIsCutAtTheDiskLimit() throws IOException {
        assertTrue(check("floods-output", STEPS).reason().contains("the disk limit is 64 MiB"));
    }

    @Test
    void aFullTmpIsTheTmpLimit() throws IOException {
        assumeTrue(evaluator.sandboxed(), "only a sandbox has a private /tmp");
        assertTrue(check("fills-tmp", STEPS).reason().contains("the /tmp limit"));
    }

    @Test
    void aFullWorkspaceIsTheDiskLimit() throws IOException {
        EvaluationResult result = check("fills-workspace", STEPS);
        assertTrue(result.reason().contains("disk limit"), result.reason());
    }

    @Test
    void aForkAndThreadBombMeetsTheTaskLimit() throws IOException {
        assumeTrue(ProcessRunner.canLimitTasks(), "no writable cgroup pids controller here");
        assertTrue(check("forks-bomb", STEPS).reason().contains("more than 256 processes and threads"));
    }

    @Test
    void tooManyOpenFilesIsTheOpenFileLimitEvenWhereDarwinsClassesAreFolders() throws IOException {
        EvaluationResult result = check("opens-files", STEPS);
        assertTrue(result.reason().contains("at most 512 open files"), result.reason() + "\n" + result.logTail());
    }

    @Test
    void everyCaseHasATest() {
        assertEquals(AdversarialFixtures.cases().size(), 39, "a new fixture needs a test here: " + AdversarialFixtures.cases());
    }

    /** Host processes started by the spawns-process case (they carry a marker in their environment). */
    private static List<Long> survivors() throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(AdversarialSandboxTest::marked)
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .toList();
        }
    }

    private static boolean marked(Path proc) {
        try {
            String status = Files.readString(proc.resolve("stat"), StandardCharsets.ISO_8859_1);
            if (status.substring(status.lastIndexOf(')') + 2).startsWith("Z")) {
                return false; // a zombie is dead; it waits for its parent to reap it
            }
            return new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.ISO_8859_1)
                    .contains("DARWIN_ADVERSARIAL=spawns-process");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
