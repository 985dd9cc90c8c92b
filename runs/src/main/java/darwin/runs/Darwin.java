package darwin.runs;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code darwin} command line. */
@Command(
        name = "darwin",
        mixinStandardHelpOptions = true,
        versionProvider = Darwin.Version.class,
        description = "An evolutionary optimizer for neural-network training code.",
        subcommands = {TrainCommand.class, CommandLine.HelpCommand.class})
public final class Darwin {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Darwin());
        line.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            commandLine.getErr().println("darwin: " + exception.getMessage());
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
