package darwin.runs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class SettingOptionsTest {

    /** A command that takes the flags of {@code options}, as a command's model transformer makes it. */
    private static CommandLine command(SettingOptions options) {
        return new CommandLine(options.addTo(CommandSpec.create()));
    }

    @Test
    void everyFlagIsAnOptionWithItsLabelAndTheSettingsDoc() {
        CommandSpec spec = SettingOptions.all().addTo(CommandSpec.create());
        assertEquals(Settings.withFlags().size(), spec.options().size());
        for (Setting<?> setting : Settings.withFlags()) {
            Setting.Flag flag = setting.flag().orElseThrow();
            OptionSpec option = spec.findOption(flag.name());
            assertTrue(option != null, flag.name());
            String description = String.join(" ", option.description());
            assertTrue(description.startsWith(setting.doc()), description);
            assertTrue(description.contains(setting.byDefault().description()), description);
            switch (flag) {
                case Setting.Flag.Valued valued -> {
                    assertEquals(valued.label(), option.paramLabel());
                    assertTrue(description.toLowerCase().contains(setting.type().allowed().toLowerCase()), description);
                }
                case Setting.Flag.Switch toggle -> {
                    assertEquals(0, option.arity().max(), flag.name() + " takes no argument");
                    assertTrue(description.contains("sets it to " + toggle.text()), description);
                }
            }
        }
    }

    @Test
    void givenFlagsAreOverridesAndTheRestAreNot() {
        CommandLine line = command(SettingOptions.all());
        line.parseArgs("--population", "6", "--no-confirm", "--out", "runs/a");
        assertEquals(Map.of(Settings.AGENTS, "6", Settings.CONFIRM, "false", Settings.OUT, "runs/a"),
                SettingOptions.all().given(line.getCommandSpec()));
        line.parseArgs("--await-approval");
        assertEquals(Map.of(Settings.AWAIT_APPROVAL, "true"), SettingOptions.all().given(line.getCommandSpec()));
    }

    @Test
    void aSwitchSetsItsSettingToItsValue() {
        CommandLine line = command(SettingOptions.all());
        line.parseArgs("--no-confirm", "--await-approval");
        RunSettings settings = new RunSettingsLoader().load(Optional.empty(), SettingOptions.all().given(line.getCommandSpec()));
        assertEquals(false, settings.confirm().enabled());
        assertEquals(true, settings.run().awaitApproval());
    }

    @Test
    void aFlagsValueGoesThroughTheSettingsParserWithTheLoadersMessage() {
        SettingOptions options = SettingOptions.of(Settings.AGENTS, Settings.PROVIDER);
        CommandLine line = command(options);
        line.parseArgs("--population", "1", "--provider", "mistral");
        String agents = assertThrows(ConfigException.class, () -> options.value(line.getCommandSpec(), Settings.AGENTS))
                .getMessage();
        assertEquals("flag --population: population.agents: " + parseError(Settings.AGENTS, "1"), agents);
        String loaded = assertThrows(ConfigException.class,
                () -> new RunSettingsLoader().load(Optional.empty(), Map.of(Settings.AGENTS, "1"))).getMessage();
        assertEquals(loaded, agents, "the command and the loader word it alike");
        String provider = assertThrows(ConfigException.class, () -> options.value(line.getCommandSpec(), Settings.PROVIDER))
                .getMessage();
        assertTrue(provider.startsWith("flag --provider: llm.provider: ") && provider.contains("openai"), provider);
        line.parseArgs("--population", "8");
        assertEquals(Optional.of(8), options.value(line.getCommandSpec(), Settings.AGENTS));
        assertEquals(Optional.empty(), options.value(line.getCommandSpec(), Settings.PROVIDER));
    }

    private static String parseError(Setting<?> setting, String text) {
        return assertThrows(IllegalArgumentException.class, () -> setting.type().parse(text)).getMessage();
    }

    @Test
    void aSettingWithoutAFlagOrAFlagTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SettingOptions.of(Settings.ELITES));
        assertThrows(IllegalArgumentException.class, () -> SettingOptions.of(Settings.AGENTS, Settings.AGENTS));
        assertThrows(IllegalArgumentException.class,
                () -> SettingOptions.of(Settings.AGENTS).value(CommandSpec.create(), Settings.SEED));
    }

    @Test
    void aDocWithPercentSignsAndDollarBracesIsShownAsItIs() {
        Setting<Integer> odd = Setting.of("odd", SettingTypes.wholeNumber(0, 100), 5,
                "A share in % of ${HOME}, not formatted or interpolated.").withFlag("--odd", "P");
        CommandLine line = command(SettingOptions.of(List.of(odd)));
        String usage = line.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
        assertTrue(usage.contains("--odd=P A share in % of ${HOME}, not formatted or interpolated."), usage);
    }

    @Test
    void resumingShowsTheRunsOwnValueAsTheDefault() {
        CommandSpec spec = SettingOptions.of(Settings.GENERATIONS).defaultsShownAs("the run's own").addTo(CommandSpec.create());
        String description = String.join(" ", spec.findOption("--generations").description());
        assertTrue(description.endsWith("; default: the run's own."), description);
    }

    @Test
    void aSwitchThatSetsAValueItsSettingRefusesIsAMistakeInTheCode() {
        Setting<Integer> counted = Setting.of("counted", SettingTypes.wholeNumber(1, 3), 1, "A count.");
        assertThrows(IllegalArgumentException.class, () -> counted.withSwitch("--many", 9));
        assertThrows(IllegalArgumentException.class, () -> counted.withFlag("--many", "n"));
    }
}
