package darwin.runs;

import static darwin.runs.Cli.darwin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.runs.Cli.Outcome;
import darwin.runs.config.RunSettings;
import darwin.runs.config.RunSettingsLoader;
import darwin.runs.config.Setting;
import darwin.runs.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The flags of run, resume and mutate: the settings' own, made from {@link Settings}, and the few that are not settings. */
class CommandFlagsTest {

    private static CommandSpec command(String name) {
        return Darwin.commandLine().getSubcommands().get(name).getCommandSpec();
    }

    private static Set<String> flags(String command) {
        return command(command).options().stream().map(OptionSpec::longestName).collect(Collectors.toSet());
    }

    /** Help text without its line breaks and indentation, which fall anywhere, even inside a key. */
    private static String unwrapped(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void runHelpListsEverySettingsFlagWithItsLabelAndDescription() {
        Outcome help = darwin("run", "--help");
        assertEquals(0, help.status(), help.err());
        for (Setting<?> setting : Settings.withFlags()) {
            Setting.Flag flag = setting.flag().orElseThrow();
            String usage = switch (flag) {
                case Setting.Flag.Valued valued -> valued.name() + "=" + valued.label();
                case Setting.Flag.Switch toggle -> toggle.name();
            };
            assertTrue(unwrapped(help.out()).contains(unwrapped(usage + " " + setting.doc())), usage + "\n" + help.out());
        }
    }

    @Test
    void eachCommandTakesTheFlagsItTookBefore() {
        Set<String> standard = Set.of("--help", "--version");
        Set<String> settings = Settings.withFlags().stream().map(s -> s.flag().orElseThrow().name()).collect(Collectors.toSet());
        assertEquals(Set.of("--population", "--generations", "--budget-seconds", "--steps", "--tokens", "--flops",
                "--equal-time", "--slots", "--device", "--executor", "--provider", "--model", "--seed", "--out", "--await-approval",
                "--no-confirm", "--rungs"),
                settings);
        Set<String> page = Set.of("--serve", "--port");
        assertEquals(union(standard, settings, Set.of("--config"), page), flags("run"));
        assertEquals(union(standard, Set.of("--generations"), page), flags("resume"));
        assertEquals(union(standard, Set.of("--out", "--provider", "--model", "--base-url", "--api-key-env", "--persona",
                "--repair-rounds", "--budget-seconds", "--seed", "--json")), flags("mutate"));
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        return Arrays.stream(sets).flatMap(Set::stream).collect(Collectors.toSet());
    }

    @Test
    void mutateAndResumeDescribeTheirSettingsFlagsAsRunDoes() {
        for (String name : List.of("--provider", "--model")) {
            assertEquals(List.of(command("run").findOption(name).description()),
                    List.of(command("mutate").findOption(name).description()), name);
        }
        String generations = String.join(" ", command("resume").findOption("--generations").description());
        assertTrue(generations.startsWith(Settings.GENERATIONS.doc()) && generations.endsWith("default: the run's own."),
                generations);
    }

    @Test
    void aFlagOverridesTheFile(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("run.yaml");
        Files.writeString(file, "population:\n  agents: 8\nbudget:\n  seconds: 30\nconfirm:\n  enabled: true\n");
        CommandLine line = Darwin.commandLine();
        line.parseArgs("run", "--config", file.toString(), "--population", "6", "--steps", "5", "--no-confirm");
        RunSettings settings = new RunSettingsLoader().load(Optional.of(file),
                RunCommand.FLAGS.given(line.getSubcommands().get("run").getCommandSpec()));
        assertEquals(6, settings.population().agents());
        assertEquals(Budget.steps(5), settings.budget(), "a budget flag replaces the file's budget");
        assertFalse(settings.confirm().enabled());
    }

    @Test
    void aPortWithoutServeIsAnErrorBeforeAnythingStarts(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        Outcome outcome = darwin("run", "--out", out.toString(), "--port", "9000");
        assertEquals(2, outcome.status());
        assertTrue(outcome.err().contains("--port is the live page's: give it with --serve"), outcome.err());
        assertFalse(Files.exists(out), "nothing started");
    }

    @Test
    void aBadFlagIsAOneLineErrorNamingTheFlagBeforeAnythingStarts(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        Outcome outcome = darwin("run", "--out", out.toString(), "--population", "1");
        assertEquals(2, outcome.status());
        assertTrue(outcome.err().startsWith("darwin: flag --population: population.agents: "), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
        assertFalse(Files.exists(out), "nothing started");
    }
}
