package darwin.runs.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.text.TerminalText;
import darwin.memory.MemoryFormatException;
import darwin.memory.query.RunMemory;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code darwin memory DIR <question>}: reads the run's memory files (also while the run goes on)
 * and answers one question. Every problem with the run's files is one line that names the file.
 */
@Command(
        name = "memory",
        mixinStandardHelpOptions = true,
        description = "Inspect a run's memory: agents, attempts, diffs, statistics, export.",
        subcommands = {AgentsCommand.class, ShowCommand.class, AttemptsCommand.class, DiffCommand.class,
                StatsCommand.class, ExportCommand.class})
public final class MemoryCommand implements Runnable {

    @Parameters(index = "0", paramLabel = "DIR", description = "The run's directory.")
    Path dir;

    @Spec
    CommandSpec spec;

    final ObjectMapper json = new ObjectMapper();

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "say what to inspect: agents, show AGENT, attempts, diff ATTEMPT, stats or export");
    }

    /** The run's memory; a problem with its files becomes a one-line error naming the file. */
    RunMemory open() {
        try {
            return RunMemory.open(dir, json);
        } catch (MemoryFormatException e) {
            throw new IllegalArgumentException(oneLine(e.getMessage()), e);
        }
    }

    /** How a user finds the ids of attempts, for error messages. */
    String howToListAttempts() {
        return "attempts are named by their proposal key, g<generation>-s<slot> (e.g. g1-s0); list them with: darwin memory "
                + dir + " attempts";
    }

    static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    /** Stored text on one line, stripped, with every character that would act on a terminal shown ({@link TerminalText}). */
    static String oneLine(String text) {
        return text == null ? "" : TerminalText.line(text.strip());
    }

    /** JSON for standard output: the same value, with nothing in it that a terminal would act on. */
    static String json(JsonNode node) {
        return TerminalText.json(node.toString());
    }
}
