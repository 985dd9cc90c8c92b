package darwin.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.memory.RunDirectory;
import darwin.runs.config.RunSettings;
import darwin.runs.config.RunSettingsLoader;
import darwin.runs.config.Setting;
import darwin.runs.config.SettingOptions;
import darwin.runs.config.SettingValues;
import darwin.runs.config.Settings;
import darwin.runs.serve.LiveServer;
import darwin.runs.serve.ServeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code darwin run}: starts an evolution run. With no arguments, a short offline demonstration.
 * Its flags, but for {@code --config}, are the settings' own, made from {@link Settings}.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        modelTransformer = RunCommand.SettingFlags.class,
        description = {"Evolve the seed training program: agents propose changes to one another's variants, each variant",
                "is trained in a sandbox under the same budget, and the fittest survive. See CONFIGURATION.md for every setting.",
                "With no arguments: 4 agents, 3 generations, 200,000 tokens per variant, the offline catalog (minutes on 2 cores)."})
final class RunCommand implements Callable<Integer> {

    /** Every setting's flag, made from {@link Settings}. */
    static final SettingOptions FLAGS = SettingOptions.all();

    /** Adds {@link #FLAGS} to the command. */
    static final class SettingFlags implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return FLAGS.addTo(spec);
        }
    }

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML configuration file; flags override it.")
    Path config;

    @Mixin
    ServeOptions serve = new ServeOptions();

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
        Map<Setting<?>, String> overrides = FLAGS.given(spec);
        RunSettingsLoader loader = new RunSettingsLoader();
        RunSettings settings = loader.load(Optional.ofNullable(config), overrides);
        SettingValues values = loader.values(Optional.ofNullable(config), overrides);
        RunDirectory run = new RunDirectory(settings.run().out());
        if (Files.exists(run.state())) {
            throw new IllegalArgumentException(run.root() + " already holds a run; continue it with: darwin resume " + run.root());
        }
        Optional<LiveServer> page = serve.start(run, new CommandLineDesk(run), spec.commandLine().getErr());
        try {
            return RunSession.execute(settings, run, Optional.empty(), RunAssembly.persist(values, new ObjectMapper()),
                    spec.commandLine().getOut(), spec.commandLine().getErr(), evaluators);
        } finally {
            page.ifPresent(server -> LiveServer.stop(server, run, spec.commandLine().getErr()));
        }
    }
}
