package darwin.runs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.mutation.MutationSettings;
import darwin.mutation.llm.PriceTable.Price;
import darwin.mutation.llm.Provider;
import darwin.mutation.llm.ProviderSettings;
import darwin.trainer.device.DeviceChoice;
import darwin.trainer.device.ThreadWait;
import darwin.trainer.process.SandboxMode;
import darwin.trainer.sandbox.SandboxSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunSettingsTest {

    private static LlmSettings llm(Optional<Provider> provider, Optional<String> model) {
        return new LlmSettings(provider, model, Optional.of(URI.create("http://localhost:8000/v1")), Optional.of("VLLM_KEY"),
                0.7, 2048, Duration.ofSeconds(90), 4, 1, Optional.of(3.0),
                Duration.ofMinutes(30), Map.of("local-model", Price.FREE));
    }

    @Test
    void theLlmSettingsBecomeProviderAndMutationSettings() {
        LlmSettings settings = llm(Optional.of(Provider.OPENAI), Optional.of("local-model"));
        ProviderSettings provider = settings.providerSettings().orElseThrow();
        assertEquals(new ProviderSettings(Provider.OPENAI, "local-model", Optional.of(URI.create("http://localhost:8000/v1")),
                Optional.of("VLLM_KEY"), Duration.ofSeconds(10), Duration.ofSeconds(90), 4, 0.7, 2048), provider);
        assertEquals(new MutationSettings("local-model", 0.7, 2048, Duration.ofSeconds(450), 1, true),
                settings.mutationSettings().orElseThrow());
        assertEquals(Price.FREE, settings.priceTable().price("local-model", false));
        assertEquals(new Price(0.15, 0.60), settings.priceTable().price("gpt-4o-mini", false));
        assertEquals(3.0, settings.costCapDollars());
    }

    @Test
    void theOfflineCatalogHasNoProviderSettings() {
        LlmSettings offline = llm(Optional.empty(), Optional.empty());
        assertTrue(offline.offline());
        assertEquals(Optional.empty(), offline.providerSettings());
        assertEquals(Optional.empty(), offline.mutationSettings());
        assertThrows(ConfigException.class, () -> llm(Optional.of(Provider.ANTHROPIC), Optional.empty()));
    }

    @Test
    void theEvaluationSettingsBecomeSandboxSettings() {
        EvaluationSettings evaluation = new EvaluationSettings(2, 0, ThreadWait.PASSIVE, SandboxMode.NONE, Size.megabytes(1536),
                Optional.of(Size.gigabytes(6)), Duration.ofSeconds(30), DeviceChoice.AUTO);
        SandboxSettings sandbox = evaluation.sandboxSettings(16);
        SandboxSettings defaults = SandboxSettings.defaults();
        assertEquals(8, sandbox.threads());
        assertEquals(SandboxMode.NONE, sandbox.mode());
        assertEquals("1536m", sandbox.heap());
        assertEquals(6L << 30, sandbox.memoryLimitBytes());
        assertEquals(Duration.ofSeconds(30), sandbox.grace());
        assertEquals(defaults.stepBudgetLimit(), sandbox.stepBudgetLimit());
        assertEquals(defaults.workRoot(), sandbox.workRoot());
        assertEquals(3, new EvaluationSettings(1, 3, ThreadWait.PASSIVE, SandboxMode.AUTO, Size.gigabytes(2), Optional.empty(),
                Duration.ofSeconds(60), DeviceChoice.AUTO).sandboxSettings(16).threads());
        assertEquals(0, new EvaluationSettings(1, 0, ThreadWait.PASSIVE, SandboxMode.AUTO, Size.gigabytes(2), Optional.empty(),
                Duration.ofSeconds(60), DeviceChoice.AUTO).sandboxSettings(2).memoryLimitBytes());
    }

    @Test
    void theRecordsCheckThemselves() {
        assertEquals("population.agents: '1' is not a whole number from 2 to 256", assertThrows(ConfigException.class,
                () -> new PopulationSettings(1, 1, 0, 1, Selection.NSGA2, new PopulationSettings.Weights(1, 1)))
                .getMessage());
        ConfigException weights = assertThrows(ConfigException.class,
                () -> new PopulationSettings(4, 4, 1, 1, Selection.WEIGHTED, new PopulationSettings.Weights(0, 0)));
        assertEquals("weighted selection needs a weight above 0 in population.weights", weights.getMessage());
        assertEquals(List.of("population.selection", "population.weights.perplexity", "population.weights.mfu"),
                weights.keys());
        assertThrows(ConfigException.class, () -> new EvaluationSettings(0, 0, ThreadWait.PASSIVE, SandboxMode.AUTO, Size.gigabytes(2),
                Optional.empty(), Duration.ofSeconds(60), DeviceChoice.AUTO));
        assertThrows(ConfigException.class, () -> new RunControl(null, false, List.of(), Path.of("repo")));
    }

    @Test
    void theDefaultsAreTheDemo() {
        RunSettings defaults = RunSettings.defaults();
        assertEquals(4, defaults.population().agents());
        assertEquals(Budget.tokens(200_000), defaults.budget());
        assertTrue(defaults.llm().offline());
        assertTrue(defaults.run().out().startsWith("out"));
        assertTrue(defaults.run().out().getFileName().toString().matches("run-\\d{8}-\\d{6}"));
    }
}
