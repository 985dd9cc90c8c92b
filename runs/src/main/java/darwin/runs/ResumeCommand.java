package darwin.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import darwin.runs.config.RunSettings;
import darwin.runs.config.RunSettingsLoader;
import darwin.runs.config.Setting;
import darwin.runs.config.SettingOptions;
import darwin.runs.config.Settings;
import darwin.runs.serve.LiveServer;
import darwin.runs.serve.ServeOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code darwin resume DIR}: continues a run stopped by Ctrl-C, a kill or a reboot. */
@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        modelTransformer = ResumeCommand.SettingFlags.class,
        description = {"Continue a run from its last checkpoint: nothing done is done again (proposals are in the",
                "ledger, evaluations in the cache, LLM replies in the reply cache), and generations number on."})
final class ResumeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The run's directory.")
    Path dir;

    /** {@code --generations}, made from {@link Settings#GENERATIONS}; a setting left alone keeps the run's value. */
    static final SettingOptions FLAGS = SettingOptions.of(Settings.GENERATIONS).defaultsShownAs("the run's own");

    /** Adds {@link #FLAGS} to the command. */
    static final class SettingFlags implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return FLAGS.addTo(spec);
        }
    }

    @Mixin
    ServeOptions serve = new ServeOptions();

    @Spec
    CommandSpec spec;

    private final RunEvaluators evaluators;

    ResumeCommand() {
        this(RunEvaluators.SANDBOX);
    }

    ResumeCommand(RunEvaluators evaluators) {
        this.evaluators = evaluators;
    }

    @Override
    public Integer call() throws Exception {
        RunDirectory run = new RunDirectory(dir).requireRun();
        ObjectMapper json = new ObjectMapper();
        RunState state = RunState.load(run.state(), json);
        Map<Setting<?>, String> overrides = RunAssembly.restore(state.settings());
        overrides.put(Settings.OUT, dir.toString());
        String generations = FLAGS.given(spec).get(Settings.GENERATIONS);
        if (generations != null) {
            overrides.put(Settings.GENERATIONS, generations);
        }
        RunSettings settings = new RunSettingsLoader().load(Optional.empty(), overrides);
        if (generations != null) {
            var updated = state.settings().deepCopy();
            ((ObjectNode) updated).put(Settings.GENERATIONS.key(), generations);
            state = state.withSettings(updated);
            state.save(run.state(), json);
        }
        if (settings.population().generations() <= state.generation() && !RunConfirmation.owed(settings, run, state, json)) {
            spec.commandLine().getOut().printf("%s has done all its %d generations; give more with --generations%n", dir,
                    state.generation());
            return 0;
        }
        Optional<LiveServer> page = serve.start(run, new CommandLineDesk(run), spec.commandLine().getErr());
        try {
            return RunSession.execute(settings, run, Optional.of(state), state.settings(), spec.commandLine().getOut(),
                    spec.commandLine().getErr(), evaluators);
        } finally {
            page.ifPresent(server -> LiveServer.stop(server, run, spec.commandLine().getErr()));
        }
    }
}
