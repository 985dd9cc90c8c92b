package darwin.runs;

import darwin.core.text.TerminalText;
import darwin.runs.memory.MemoryCommand;
import darwin.runs.slurm.EvaluationJobCommand;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code darwin} command line. */
@Command(
        name = "darwin",
        mixinStandardHelpOptions = true,
        versionProvider = Darwin.Version.class,
        description = "An evolutionary optimizer for neural-network training code.",
        subcommands = {RunCommand.class, ResumeCommand.class, StatusCommand.class, TrainCommand.class, SeedCommand.class,
                EvaluateCommand.class, MutateCommand.class, RequestsCommand.class, SuggestCommand.class,
                MemoryCommand.class, ReportCommand.class, ServeCommand.class, ConfirmCommand.class, EvaluationJobCommand.class,
                CommandLine.HelpCommand.class})
public final class Darwin {

    public static void main(String[] args) {
        configureLogging(System.getenv("DARWIN_LOG_LEVEL"));
        System.exit(run(args));
    }

    /**
     * Library and harness logs go to standard error at WARNING and above, unless
     * {@code DARWIN_LOG_LEVEL} names another level (e.g. {@code INFO} shows every child process
     * started, with its exact command line).
     */
    static void configureLogging(String level) {
        Level chosen = Level.WARNING;
        if (level != null && !level.isBlank()) {
            try {
                chosen = Level.parse(level.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                System.err.println("darwin: DARWIN_LOG_LEVEL=" + level + " is not a level; using WARNING");
            }
        }
        Logger root = Logger.getLogger("");
        root.setLevel(chosen);
        for (Handler handler : root.getHandlers()) {
            handler.setLevel(chosen);
        }
    }

    /** Runs the command line and returns its exit status. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The command line, its commands made by {@code factory} (tests give commands their stubs). */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine line = new CommandLine(new Darwin(), factory);
        line.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            // a message may quote a run's files or a variant's program
            commandLine.getErr().println("darwin: " + TerminalText.lines(exception.getMessage()));
            return 2;
        });
        return line;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Darwin.class.getPackage().getImplementationVersion();
            return new String[] {"darwin " + (version == null ? "(development build)" : version)};
        }
    }
}
