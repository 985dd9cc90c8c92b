package darwin.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.memory.RunDirectory;
import darwin.runs.config.RunSettings;
import darwin.runs.config.RunSettingsLoader;
import darwin.runs.config.Setting;
import darwin.runs.config.SettingValues;
import darwin.runs.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code darwin run}: starts an evolution run. With no arguments, a short offline demonstration. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {"Evolve the seed training program: agents propose changes to one another's variants, each variant",
                "is trained in a sandbox under the same budget, and the fittest survive. See CONFIGURATION.md for every setting.",
                "With no arguments: 4 agents, 3 generations, 200,000 tokens per variant, the offline catalog (minutes on 2 cores)."})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML configuration file; flags override it.")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "The run's directory (default: out/run-<time>).")
    String out;

    @Option(names = "--population", paramLabel = "N", description = "Agents, each owning one variant.")
    String population;

    @Option(names = "--generations", paramLabel = "G", description = "Generations in all.")
    String generations;

    @Option(names = "--budget-seconds", paramLabel = "S", description = "Seconds of training per variant.")
    String budgetSeconds;

    @Option(names = "--steps", paramLabel = "N", description = "Optimizer steps per variant, instead of seconds.")
    String steps;

    @Option(names = "--tokens", paramLabel = "N", description = "Training tokens per variant, instead of seconds.")
    String tokens;

    @Option(names = "--flops", paramLabel = "F", description = "Model FLOPs per variant (such as 1e15), instead of seconds.")
    String flops;

    @Option(names = "--equal-time", paramLabel = "S",
            description = "Seconds per variant at the seed's calibrated speed times the variant's speed relative to the seed's.")
    String equalTime;

    @Option(names = "--slots", paramLabel = "K", description = "Evaluations at once.")
    String slots;

    @Option(names = "--provider", paramLabel = "NAME", description = "offline, openai, anthropic, gemini or ollama.")
    String provider;

    @Option(names = "--model", paramLabel = "NAME", description = "The model's name at the provider.")
    String model;

    @Option(names = "--seed", paramLabel = "N", description = "The run's seed.")
    String seed;

    @Option(names = "--await-approval", description = "Wait after a generation while upgrade requests are pending.")
    boolean awaitApproval;

    @Option(names = "--no-confirm", description = "End without measuring the best variant and the seed again.")
    boolean noConfirm;

    @Spec
    CommandSpec spec;

    private final RunEvaluators evaluators;

    RunCommand() {
        this(RunEvaluators.SANDBOX);
    }

    RunCommand(RunEvaluators evaluators) {
        this.evaluators = evaluators;
    }

    @Override
    public Integer call() throws Exception {
        Map<Setting<?>, String> overrides = new HashMap<>();
        put(overrides, Settings.OUT, out);
        put(overrides, Settings.AGENTS, population);
        put(overrides, Settings.GENERATIONS, generations);
        put(overrides, Settings.BUDGET_SECONDS, budgetSeconds);
        put(overrides, Settings.BUDGET_STEPS, steps);
        put(overrides, Settings.BUDGET_TOKENS, tokens);
        put(overrides, Settings.BUDGET_FLOPS, flops);
        put(overrides, Settings.BUDGET_EQUAL_TIME, equalTime);
        put(overrides, Settings.SLOTS, slots);
        put(overrides, Settings.PROVIDER, provider);
        put(overrides, Settings.MODEL, model);
        put(overrides, Settings.SEED, seed);
        put(overrides, Settings.AWAIT_APPROVAL, awaitApproval ? "true" : null);
        put(overrides, Settings.CONFIRM, noConfirm ? "false" : null);
        RunSettingsLoader loader = new RunSettingsLoader();
        RunSettings settings = loader.load(Optional.ofNullable(config), overrides);
        SettingValues values = loader.values(Optional.ofNullable(config), overrides);
        RunDirectory run = new RunDirectory(settings.run().out());
        if (Files.exists(run.state())) {
            throw new IllegalArgumentException(run.root() + " already holds a run; continue it with: darwin resume " + run.root());
        }
        return RunSession.execute(settings, run, Optional.empty(), RunAssembly.persist(values, new ObjectMapper()),
                spec.commandLine().getOut(), spec.commandLine().getErr(), evaluators);
    }

    private static void put(Map<Setting<?>, String> overrides, Setting<?> setting, String value) {
        if (value != null) {
            overrides.put(setting, value);
        }
    }
}
