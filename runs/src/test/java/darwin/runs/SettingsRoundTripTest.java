package darwin.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.memory.RunState;
import darwin.memory.ledger.Ledger;
import darwin.memory.ledger.LedgerEvents;
import darwin.memory.ledger.Proposed;
import darwin.runs.config.RunSettingsLoader;
import darwin.runs.config.Setting;
import darwin.runs.config.SettingValues;
import darwin.runs.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every setting survives its own round trip through {@code run.json}: a run that set each to a
 * value other than its default is resumed, confirmed, reported and has its requests decided with
 * those values. A new setting must be given a value here.
 */
class SettingsRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RunSettingsLoader LOADER = new RunSettingsLoader();

    /** Every setting but the budget kinds at a value other than its default; the budget as tokens. */
    private static final String EVERYTHING = """
            population:
              agents: 6
              offspring: 9
              elites: 2
              generations: 7
              selection: weighted
              weights:
                perplexity: 1.5
                mfu: 0.25
            seed: 42
            budget:
              tokens: 123456
            fitness:
              noise-floor: 5
              margin: 2.5
              race-cap: 3
              race-share: 0.5
            rungs:
              enabled: true
              count: 4
              eta: 2
              protect: false
            evaluation:
              slots: 2
              threads: 3
              thread-wait: passive
              device: cpu
              sandbox: none
              heap: 1g
              memory: 6g
              grace: 2m
              executor: slurm
              slurm:
                jobs: 3
                partition: gpu
                account: lab
                qos: long
                gres: gpu:1
                cpus: 4
                memory: 16g
                extra-args: [--constraint=a100, --exclusive]
                preamble: module load java/21
                shared: /tmp/darwin-round-trip-shared
                time-margin: 20m
                attempts: 5
                poll: 10s
            llm:
              provider: openai
              model: gpt-4o-mini
              base-url: http://127.0.0.1:9/v1
              api-key-env: MY_KEY
              temperature: 0.7
              max-output-tokens: 2048
              timeout: 90
              retries: 5
              repair-rounds: 1
              cost-cap: 12.5
              outage-limit: 20m
              prices:
                gpt-4o-mini: {input: 0.15, output: 0.6}
                "llama3.1:8b": {input: 0, output: 0}
                'org/"quoted"\\name': {input: 1.25, output: 2}
            run:
              out: /tmp/darwin-round-trip
              await-approval: true
              libraries: [org.apache.commons:commons-math3:3.6.1]
              maven-repository: /tmp/darwin-round-trip-m2
            confirm:
              enabled: false
              repeat: 4
            """;

    @Test
    void everySettingGivenComesBackAsItWas(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("darwin.yaml"), EVERYTHING);
        SettingValues given = LOADER.values(Optional.of(file), Map.of());
        SettingValues defaults = LOADER.values(Optional.empty(), Map.of());
        SettingValues restored = roundTrip(given);
        for (Setting<?> setting : Settings.all()) {
            if (Settings.budgets().contains(setting) && setting != Settings.BUDGET_TOKENS) {
                continue; // one budget kind at a time: below
            }
            assertNotEquals(defaults.find(setting), given.find(setting), setting.key() + " needs a value other than its default here");
            assertEquals(given.find(setting), restored.find(setting), setting.key());
        }
        LOADER.load(Optional.empty(), RunAssembly.restore(RunAssembly.persist(given, JSON))); // and it loads whole
    }

    @Test
    void everyBudgetKindComesBackAsItWas() {
        Map<Setting<?>, String> kinds = Map.of(Settings.BUDGET_SECONDS, "12.5", Settings.BUDGET_STEPS, "60",
                Settings.BUDGET_TOKENS, "50000", Settings.BUDGET_FLOPS, "2e15", Settings.BUDGET_EQUAL_TIME, "7.5");
        assertEquals(Settings.budgets().size(), kinds.size(), "a new budget kind needs a value here");
        kinds.forEach((kind, text) -> {
            SettingValues given = LOADER.values(Optional.empty(), Map.of(kind, text));
            SettingValues restored = roundTrip(given);
            for (Setting<?> budget : Settings.budgets()) {
                assertEquals(given.find(budget), restored.find(budget), kind.key() + ": " + budget.key());
            }
            assertEquals(LOADER.load(Optional.empty(), Map.of(kind, text)).budget(),
                    LOADER.load(Optional.empty(), RunAssembly.restore(RunAssembly.persist(given, JSON))).budget());
        });
    }

    private static SettingValues roundTrip(SettingValues given) {
        try {
            String written = JSON.writeValueAsString(RunAssembly.persist(given, JSON));
            return LOADER.values(Optional.empty(), RunAssembly.restore(JSON.readTree(written)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The commands on such a run: started (with one generation fewer, so that it can be resumed,
     * and an LLM on loopback), it waits for people as {@code run.await-approval} says; the request
     * is approved from the command line, the run goes on, and a resume adds a generation.
     */
    @Test
    @Timeout(300)
    void aRunWithEverySettingGivenHasItsRequestApprovedAndIsResumed(@TempDir Path tmp) throws Exception {
        StubTraining stub = new StubTraining();
        try (LlmStandIn llm = new LlmStandIn()) {
            llm.firstRequest = "{\"kind\":\"BUDGET\",\"title\":\"more tokens\",\"rationale\":\"the loss still falls\","
                    + "\"payload\":\"150000\"}";
            String everything = EVERYTHING.replace("http://127.0.0.1:9/v1", llm.baseUrl())
                    .replace("model: gpt-4o-mini", "model: " + LlmStandIn.MODEL)
                    .replace("api-key-env: MY_KEY", "api-key-env: PATH"); // a variable every test has
            Path file = Files.writeString(tmp.resolve("darwin.yaml"), everything);
            Path dir = tmp.resolve("run");
            CompletableFuture<Cli.Outcome> run = CompletableFuture.supplyAsync(() -> stub.darwin("run", "--config",
                    file.toString(), "--out", dir.toString(), "--generations", "2"));
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (!Cli.darwin("requests", dir.toString(), "list").out().contains("PENDING")) {
                assertTrue(System.nanoTime() < deadline && !run.isDone(), () -> "no request came: " + run.join().err());
                Thread.sleep(200);
            }
            Cli.Outcome approve = Cli.darwin("requests", dir.toString(), "approve", "r1", "--note", "go on");
            assertEquals(0, approve.status(), approve.err());
            Cli.Outcome ran = run.get(180, TimeUnit.SECONDS);
            assertEquals(0, ran.status(), ran.err());
            assertTrue(ran.err().contains("generation 2 of 2"), ran.err());

            Cli.Outcome resumed = stub.darwin("resume", dir.toString(), "--generations", "3");
            assertEquals(0, resumed.status(), resumed.err());
            assertTrue(resumed.err().contains("generation 3 of 3"), resumed.err());
            assertTrue(resumed.err().contains("6 agents"), resumed.err());
            RunState state = RunState.load(dir.resolve("run.json"), JSON);
            assertEquals(3, state.generation());
            assertEquals("passive", state.settings().path("evaluation.thread-wait").asText());
            assertEquals(9, LedgerEvents.of(Ledger.read(dir.resolve("ledger.jsonl")), Proposed.class).stream()
                    .filter(p -> p.generation() == 3).count());
        }
    }

    @Test
    void theTableCoversEverySetting() {
        List<String> keys = Settings.all().stream().map(Setting::key).toList();
        for (String key : keys) {
            String leaf = key.substring(key.lastIndexOf('.') + 1);
            if (!key.startsWith("budget.") && !EVERYTHING.contains(leaf + ":")) {
                throw new AssertionError(key + " is missing from the round trip's settings");
            }
        }
    }
}
