package darwin.runs;

import darwin.memory.Suggestion;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code darwin suggest DIR [--agent ID] TEXT}: a person's note to one agent or to all. */
@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = "Write a note to one agent or to all; it appears in their prompts from the next generation.")
final class SuggestCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The run's directory.")
    Path dir;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The note.")
    List<String> text;

    @Option(names = "--agent", paramLabel = "ID", description = "The agent it is for (default: every agent).")
    String agent;

    @Option(names = "--by", paramLabel = "NAME", description = "Who writes it (default: the user's name).")
    String by;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Suggestion written = Suggestions.write(dir, by, agent, String.join(" ", text));
        spec.commandLine().getOut().printf("suggestion %s for %s written; it reaches the agents' prompts from the next"
                + " generation%n", written.id(), agent == null ? "every agent" : agent);
        return 0;
    }
}
