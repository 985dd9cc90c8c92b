package darwin.runs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.mutation.llm.PriceTable.Price;
import darwin.mutation.llm.Provider;
import darwin.trainer.device.DeviceChoice;
import darwin.trainer.device.ThreadWait;
import darwin.trainer.process.SandboxMode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSettingsLoaderTest {

    private static final RunSettingsLoader LOADER =
            new RunSettingsLoader(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));

    @TempDir
    Path tmp;

    private Path file(String yaml) throws IOException {
        Path file = tmp.resolve("run.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private RunSettings load(String yaml) throws IOException {
        return LOADER.load(Optional.of(file(yaml)), Map.of());
    }

    private String error(String yaml) throws IOException {
        Path file = file(yaml);
        return assertThrows(ConfigException.class, () -> LOADER.load(Optional.of(file), Map.of())).getMessage();
    }

    private static String error(Map<Setting<?>, String> overrides) {
        return assertThrows(ConfigException.class, () -> LOADER.load(Optional.empty(), overrides)).getMessage();
    }

    @Test
    void withoutAFileEverySettingIsAtItsDefault() {
        RunSettings settings = LOADER.load(Optional.empty(), Map.of());
        assertEquals(new PopulationSettings(4, 4, 1, 3, Selection.NSGA2, new PopulationSettings.Weights(1.0, 0.5)),
                settings.population());
        assertEquals(1, settings.seed());
        assertEquals(Budget.tokens(200_000), settings.budget());
        assertEquals(new EvaluationSettings(1, 0, ThreadWait.SPIN, SandboxMode.AUTO, Size.gigabytes(2), Optional.of(Size.gigabytes(8)),
                Duration.ofSeconds(60), DeviceChoice.AUTO), settings.evaluation());
        LlmSettings llm = settings.llm();
        assertTrue(llm.offline());
        assertEquals(Optional.empty(), llm.model());
        assertEquals(0.2, llm.temperature());
        assertEquals(4096, llm.maxOutputTokens());
        assertEquals(Duration.ofSeconds(300), llm.timeout());
        assertEquals(3, llm.retries());
        assertEquals(2, llm.repairRounds());
        assertEquals(Optional.of(5.0), llm.costCap());
        assertEquals(Map.of(), llm.prices());
        assertEquals(new RunControl(Path.of("out", "run-20260102-030405"), false,
                List.of("org.apache.commons:commons-math3:3.6.1", "it.unimi.dsi:fastutil-core:8.5.13"),
                Path.of(System.getProperty("user.home"), ".m2", "repository")), settings.run());
    }

    @Test
    void aFullFileIsReadIntoEverySetting() throws IOException {
        RunSettings settings = load("""
                population:
                  agents: 8
                  offspring: 12
                  elites: 2
                  generations: 40
                  selection: weighted
                  weights:
                    perplexity: 2
                    mfu: 0.25
                seed: 42
                budget:
                  steps: 500
                evaluation:
                  slots: 2
                  threads: 4
                  thread-wait: passive
                  sandbox: none
                  heap: 512m
                  memory: 6g
                  grace: 2m
                llm:
                  provider: openai
                  model: gpt-4o-mini
                  base-url: http://localhost:8000/v1
                  api-key-env: VLLM_KEY
                  temperature: 0.7
                  max-output-tokens: 8192
                  timeout: 90
                  retries: 5
                  repair-rounds: 1
                  cost-cap: 12.5
                  prices:
                    gpt-4o-mini: {input: 0.1, output: 0.4}
                    "llama3.1:8b":
                      input: 0
                      output: 0
                run:
                  out: /tmp/evolution
                  await-approval: true
                """);
        assertEquals(new PopulationSettings(8, 12, 2, 40, Selection.WEIGHTED, new PopulationSettings.Weights(2, 0.25)),
                settings.population());
        assertEquals(42, settings.seed());
        assertEquals(Budget.steps(500), settings.budget());
        assertEquals(new EvaluationSettings(2, 4, ThreadWait.PASSIVE, SandboxMode.NONE, Size.megabytes(512), Optional.of(Size.gigabytes(6)),
                Duration.ofMinutes(2), DeviceChoice.AUTO), settings.evaluation());
        assertEquals(new LlmSettings(Optional.of(Provider.OPENAI), Optional.of("gpt-4o-mini"),
                Optional.of(URI.create("http://localhost:8000/v1")), Optional.of("VLLM_KEY"), 0.7, 8192,
                Duration.ofSeconds(90), 5, 1, Optional.of(12.5), Duration.ofHours(1),
                Map.of("gpt-4o-mini", new Price(0.1, 0.4), "llama3.1:8b", Price.FREE)), settings.llm());
        assertEquals(Path.of("/tmp/evolution"), settings.run().out());
        assertTrue(settings.run().awaitApproval());
    }

    @Test
    void flagsOverrideTheFile() throws IOException {
        Path file = file("""
                population:
                  agents: 8
                  generations: 40
                seed: 42
                llm:
                  provider: anthropic
                  model: claude-sonnet-4
                """);
        RunSettings settings = LOADER.load(Optional.of(file), Map.of(Settings.AGENTS, "6", Settings.SEED, "7",
                Settings.PROVIDER, "ollama", Settings.MODEL, "qwen2.5-coder:7b", Settings.OUT, "elsewhere",
                Settings.SLOTS, "2"));
        assertEquals(6, settings.population().agents());
        assertEquals(6, settings.population().offspring(), "offspring follows the agents by default");
        assertEquals(40, settings.population().generations());
        assertEquals(7, settings.seed());
        assertEquals(Optional.of(Provider.OLLAMA), settings.llm().provider());
        assertEquals(Optional.of("qwen2.5-coder:7b"), settings.llm().model());
        assertEquals(Path.of("elsewhere"), settings.run().out());
        assertEquals(2, settings.evaluation().slots());
    }

    @Test
    void aBudgetFlagReplacesTheFilesBudgetOfTheOtherKind() throws IOException {
        Path steps = file("budget:\n  steps: 300\n");
        assertEquals(Budget.seconds(45),
                LOADER.load(Optional.of(steps), Map.of(Settings.BUDGET_SECONDS, "45")).budget());
        Path seconds = file("budget:\n  seconds: 30\n");
        assertEquals(Budget.steps(100), LOADER.load(Optional.of(seconds), Map.of(Settings.BUDGET_STEPS, "100")).budget());
        assertEquals("give one budget: --budget-seconds, --steps, --tokens, --flops or --equal-time, not several",
                error(Map.of(Settings.BUDGET_SECONDS, "45", Settings.BUDGET_STEPS, "100")));
        assertEquals("give one budget: --budget-seconds, --steps, --tokens, --flops or --equal-time, not several",
                error(Map.of(Settings.BUDGET_TOKENS, "4000", Settings.BUDGET_EQUAL_TIME, "20")));
    }

    @Test
    void tokenFlopsAndEqualTimeBudgetsComeFromTheFileOrAFlag() throws IOException {
        assertEquals(Budget.tokens(1_536_000), load("budget:\n  tokens: 1536000\n").budget());
        assertEquals(Budget.flops(1e15), load("budget:\n  flops: 1e15\n").budget());
        assertEquals(Budget.flops(2.5e14), load("budget:\n  flops: 250000000000000\n").budget());
        assertEquals(Budget.equalTime(20), load("budget:\n  equal-time: 20\n").budget());
        Path tokens = file("budget:\n  tokens: 1536000\n");
        assertEquals(Budget.equalTime(30), LOADER.load(Optional.of(tokens), Map.of(Settings.BUDGET_EQUAL_TIME, "30")).budget());
        assertEquals(Budget.flops(1e15), LOADER.load(Optional.of(tokens), Map.of(Settings.BUDGET_FLOPS, "1e15")).budget());
        Path equalTime = file("budget:\n  equal-time: 20\n");
        assertEquals(Budget.tokens(5000), LOADER.load(Optional.of(equalTime), Map.of(Settings.BUDGET_TOKENS, "5000")).budget());
        assertEquals(Budget.tokens(200_000), LOADER.load(Optional.empty(), Map.of()).budget(), "the default is a token budget");
        assertTrue(error(Map.of(Settings.BUDGET_TOKENS, "0")).startsWith("flag --tokens: budget.tokens: '0'"));
        assertTrue(error(Map.of(Settings.BUDGET_FLOPS, "0.5")).startsWith("flag --flops: budget.flops: '0.5'"));
        assertTrue(error(Map.of(Settings.BUDGET_EQUAL_TIME, "-1")).startsWith("flag --equal-time: budget.equal-time: '-1'"));
    }

    @Test
    void twoKindsOfBudgetInTheFileAreAnErrorThatNamesBoth() throws IOException {
        String message = error("budget:\n  tokens: 4000\n  equal-time: 20\n");
        assertTrue(message.startsWith("budget.tokens and budget.equal-time are both set; give exactly one kind of budget"),
                message);
        assertTrue(message.contains("budget.equal-time: " + tmp.resolve("run.yaml") + " line 3"), message);
        message = error("budget:\n  seconds: 30\n  flops: 1e15\n  steps: 10\n");
        assertTrue(message.startsWith("budget.seconds, budget.steps and budget.flops are all set; give exactly one kind"),
                message);
    }

    @Test
    void anUnknownKeyNamesTheLineAndTheClosestKey() throws IOException {
        assertEquals(tmp.resolve("run.yaml") + " line 3: unknown setting 'population.agent'; did you mean"
                + " 'population.agents'?", error("""
                population:
                  generations: 2
                  agent: 4
                """));
    }

    @Test
    void aKeyInTheWrongSectionIsFoundElsewhere() throws IOException {
        assertTrue(error("agents: 4\n").endsWith("line 1: unknown setting 'agents'; did you mean 'population.agents'?"));
        assertTrue(error("populaton:\n  agents: 4\n").endsWith("did you mean 'population'?"));
        assertTrue(error("llm:\n  api-key: OPENAI_API_KEY\n").endsWith("did you mean 'llm.api-key-env'?"));
    }

    @Test
    void anUnknownKeyWithNothingCloseListsTheSection() throws IOException {
        assertTrue(error("run:\n  colour: blue\n").endsWith("unknown setting 'run.colour'; run holds out, await-approval, libraries, maven-repository"));
    }

    @Test
    void aValueOfTheWrongTypeSaysWhatIsAllowed() throws IOException {
        assertEquals(tmp.resolve("run.yaml") + " line 2: population.agents: 'many' is not a whole number from 2 to 256",
                error("population:\n  agents: many\n"));
        assertTrue(error("population:\n  agents: [4, 8]\n")
                .endsWith("population.agents: a YAML list is not a whole number from 2 to 256"));
        assertTrue(error("run:\n  await-approval: maybe\n")
                .endsWith("line 2: run.await-approval: 'maybe' is not true or false"));
        assertTrue(error("population:\n  selection: tournament\n")
                .endsWith("population.selection: 'tournament' is not one of nsga2 or weighted"));
        assertTrue(error("llm:\n  provider: mistral\n")
                .endsWith("llm.provider: 'mistral' is not one of offline, openai, anthropic, gemini or ollama"));
        assertTrue(error("population: 4\n").endsWith("line 1: population is a section, not a value: it holds agents,"
                + " offspring, elites, generations, selection, weights"));
    }

    @Test
    void aFlagWithABadValueNamesTheFlag() {
        assertEquals("flag --population: population.agents: 'lots' is not a whole number from 2 to 256",
                error(Map.of(Settings.AGENTS, "lots")));
        assertEquals("flag --budget-seconds: budget.seconds: '-5' is not a number above 0, at most 86400",
                error(Map.of(Settings.BUDGET_SECONDS, "-5")));
    }

    @Test
    void moreElitesThanAgentsIsAnErrorThatSaysWhereBothCameFrom() throws IOException {
        assertEquals("population.elites is 9 but must be fewer than population.agents (4), or no offspring could ever"
                + " survive (population.elites: " + tmp.resolve("run.yaml") + " line 2; population.agents: default)",
                error("population:\n  elites: 9\n"));
        Path file = file("population:\n  elites: 3\n");
        assertTrue(assertThrows(ConfigException.class, () -> LOADER.load(Optional.of(file), Map.of(Settings.AGENTS, "3")))
                .getMessage().endsWith("(population.elites: " + file + " line 2; population.agents: flag --population)"));
    }

    @Test
    void bothBudgetsInTheFileAreAnError() throws IOException {
        String message = error("budget:\n  seconds: 30\n  steps: 100\n");
        assertTrue(message.startsWith("budget.seconds and budget.steps are both set; give exactly one kind of budget"), message);
        assertTrue(message.contains("budget.steps: " + tmp.resolve("run.yaml") + " line 3"), message);
    }

    @Test
    void aProviderWithoutAModelIsAnError() throws IOException {
        assertTrue(error("llm:\n  provider: openai\n").startsWith(
                "llm.provider openai needs llm.model, the model's name at the provider (such as gpt-4o-mini)"));
        assertTrue(error(Map.of(Settings.PROVIDER, "gemini")).startsWith("llm.provider gemini needs llm.model"));
    }

    @Test
    void sizesAndDurationsAreRead() throws IOException {
        RunSettings settings = load("""
                evaluation:
                  heap: 512m
                  memory: 8g
                  grace: 1.5
                llm:
                  timeout: 5m
                """);
        assertEquals(512L << 20, settings.evaluation().heap().bytes());
        assertEquals(8L << 30, settings.evaluation().memory().orElseThrow().bytes());
        assertEquals(Duration.ofMillis(1500), settings.evaluation().grace());
        assertEquals(Duration.ofMinutes(5), settings.llm().timeout());
        assertTrue(error("evaluation:\n  heap: 2 gigs\n").endsWith(
                "evaluation.heap: '2 gigs' is not a size such as 512m or 8g from 64m to 512g"));
        assertTrue(error("evaluation:\n  memory: 1g\n").startsWith(
                "evaluation.memory (1g) must be larger than evaluation.heap (2g)"));
    }

    @Test
    void noneLiftsALimit() throws IOException {
        RunSettings settings = load("evaluation:\n  memory: none\nllm:\n  cost-cap: none\n");
        assertEquals(Optional.empty(), settings.evaluation().memory());
        assertEquals(Optional.empty(), settings.llm().costCap());
        assertEquals(Double.POSITIVE_INFINITY, settings.llm().costCapDollars());
        assertTrue(error("population:\n  agents: none\n").endsWith("'none' is not a whole number from 2 to 256"));
    }

    @Test
    void anEmptyFileOrOneOfCommentsOnlyIsEveryDefault() throws IOException {
        RunSettings defaults = LOADER.load(Optional.empty(), Map.of());
        assertEquals(defaults, load(""));
        assertEquals(defaults, load("# nothing here yet\n\n"));
        assertEquals(defaults, load("---\n"));
        assertEquals(defaults, load("population:\n  offspring:\nllm:\n"));
    }

    @Test
    void aMissingFileIsAnError() {
        Path missing = tmp.resolve("nowhere.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> LOADER.load(Optional.of(missing), Map.of()));
        assertEquals("the configuration file " + missing + " does not exist", e.getMessage());
        assertEquals("the configuration file " + tmp + " is a directory",
                assertThrows(ConfigException.class, () -> LOADER.load(Optional.of(tmp), Map.of())).getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsAnError() throws IOException {
        Path file = tmp.resolve("latin1.yaml");
        Files.write(file, new byte[] {'s', 'e', 'e', 'd', ':', ' ', (byte) 0xE9, '\n'});
        assertEquals("the configuration file " + file + " is not UTF-8 text",
                assertThrows(ConfigException.class, () -> LOADER.load(Optional.of(file), Map.of())).getMessage());
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() throws IOException {
        String message = error("population:\n  agents: 4\n\tgenerations: 2\n");
        assertTrue(message.startsWith(tmp.resolve("run.yaml") + " line 3: not valid YAML: "), message);
        assertFalse(message.contains("\n"), message);
    }

    @Test
    void aListOrTwoDocumentsAreNotAConfiguration() throws IOException {
        assertTrue(error("- agents\n").endsWith("line 1: the configuration must be a mapping of settings, such as"
                + " 'population:' with 'agents: 4' under it, not a list"));
        assertTrue(error("seed: 1\n---\nseed: 2\n").endsWith("line 3: a second YAML document; a configuration file holds one"));
    }

    @Test
    void aKeyGivenTwiceIsAnError() throws IOException {
        assertTrue(error("seed: 1\nbudget:\n  seconds: 5\nseed: 2\n").endsWith("line 4: seed is given twice, at lines 1 and 4"));
    }

    @Test
    void environmentVariablesAreNotInterpolated() throws IOException {
        assertTrue(error("llm:\n  base-url: ${SERVER}\n").contains("is not interpolated"));
        assertTrue(error("llm:\n  api-key-env: sk-abc123\n").endsWith(
                "llm.api-key-env: 'sk-abc123' is not the NAME of an environment variable, such as OPENAI_API_KEY"
                        + " (letters, digits and underscores)"));
        assertTrue(error("seed: &s 3\npopulation:\n  generations: *s\n").endsWith(
                "line 3: population.generations: anchors and aliases are not supported; write the value itself"));
    }

    @Test
    void pricesAreCheckedFieldByField() throws IOException {
        assertTrue(error("llm:\n  prices:\n    gpt-4o: {inptu: 1, output: 2}\n").endsWith(
                "llm.prices: the price of gpt-4o has an unknown field 'inptu'; did you mean 'input'?"));
        assertTrue(error("llm:\n  prices:\n    gpt-4o: {input: 1}\n").endsWith(
                "llm.prices: the price of gpt-4o needs output (USD per million tokens)"));
        assertTrue(error("llm:\n  prices:\n    gpt-4o: {input: -1, output: 2}\n").endsWith(
                "llm.prices: the input price of gpt-4o: '-1' is not a number from 0 to 1000000"));
    }
}
