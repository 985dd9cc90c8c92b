package darwin.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Budget;
import darwin.runs.config.RunSettingsLoader;
import darwin.runs.config.Settings;
import darwin.trainer.device.ThreadWait;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunAssemblyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RunSettingsLoader LOADER = new RunSettingsLoader();

    @Test
    void aRunKeepsItsBudgetEvenAtTheDefaultSoThatANewDefaultCannotChangeIt() {
        var persisted = RunAssembly.persist(LOADER.values(Optional.empty(), Map.of()), JSON);
        assertEquals("200000", persisted.path(Settings.BUDGET_TOKENS.key()).asText());
        assertEquals(Budget.tokens(200_000), LOADER.load(Optional.empty(), RunAssembly.restore(persisted)).budget());

        var given = RunAssembly.persist(LOADER.values(Optional.empty(), Map.of(Settings.BUDGET_STEPS, "60")), JSON);
        assertEquals(false, given.has(Settings.BUDGET_TOKENS.key()), "only the budget in force");
        assertEquals(Budget.steps(60), LOADER.load(Optional.empty(), RunAssembly.restore(given)).budget());
    }

    @Test
    void aRunThatKeptNoBudgetBeganUnderTheOldDefaultOfTwentySeconds() throws Exception {
        var legacy = JSON.readTree("{\"population.generations\": \"3\"}");
        assertEquals(Budget.seconds(20), LOADER.load(Optional.empty(), RunAssembly.restore(legacy)).budget());
    }

    @Test
    void aRunKeepsItsThreadWaitAndOneThatKeptNoneGoesOnSpinningAsItMeasuredBefore() throws Exception {
        var persisted = RunAssembly.persist(LOADER.values(Optional.empty(), Map.of()), JSON);
        assertEquals("spin", persisted.path(Settings.THREAD_WAIT.key()).asText(), "kept even at the default");
        var passive = RunAssembly.persist(LOADER.values(Optional.empty(), Map.of(Settings.THREAD_WAIT, "passive")), JSON);
        assertEquals(ThreadWait.PASSIVE,
                LOADER.load(Optional.empty(), RunAssembly.restore(passive)).evaluation().threadWait());

        var legacy = JSON.readTree("{\"population.generations\": \"3\", \"budget.steps\": \"60\"}");
        assertEquals(ThreadWait.SPIN, LOADER.load(Optional.empty(), RunAssembly.restore(legacy)).evaluation().threadWait());
    }

    @Test
    void aRunKeepsItsDeviceAndOneThatKeptNoneGoesOnOnTheCpu() throws Exception {
        var persisted = RunAssembly.persist(LOADER.values(Optional.empty(), Map.of()), JSON);
        assertEquals("auto", persisted.path(Settings.DEVICE.key()).asText(), "kept even at the default");
        assertEquals(darwin.trainer.device.DeviceChoice.AUTO,
                LOADER.load(Optional.empty(), RunAssembly.restore(persisted)).evaluation().device());

        var legacy = JSON.readTree("{\"population.generations\": \"3\", \"budget.steps\": \"60\"}");
        assertEquals(darwin.trainer.device.DeviceChoice.CPU,
                LOADER.load(Optional.empty(), RunAssembly.restore(legacy)).evaluation().device());
    }
}
