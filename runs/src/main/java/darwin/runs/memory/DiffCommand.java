package darwin.runs.memory;

import darwin.memory.Attempt;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code darwin memory DIR diff ATTEMPT}: what one attempt changed, and what came of it. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "One attempt's unified diff, after a header: summary, reasoning, status, metrics.")
final class DiffCommand implements Callable<Integer> {

    @ParentCommand
    MemoryCommand memory;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ATTEMPT", description = "The attempt's proposal key, e.g. g3-s1.")
    String key;

    @Option(names = "--patch", description = "Print the diff alone, for patch -p1 or git apply.")
    boolean patch;

    @Override
    public Integer call() {
        Attempt a = memory.open().attempt(key).orElseThrow(() -> new IllegalArgumentException(
                "no attempt '" + key + "' in " + memory.dir + "; " + memory.howToListAttempts()));
        PrintWriter out = MemoryCommand.out(spec);
        if (!patch) {
            out.printf(Locale.ROOT, "attempt %s, generation %d: %s on %s's variant %s → %s%n", a.proposal(), a.generation(),
                    a.mutator(), a.owner().isEmpty() ? "?" : a.owner(), a.parent(), a.child() == null ? "(no variant)" : a.child());
            out.println("summary:    " + a.summary());
            out.println("tags:       " + (a.tags().isEmpty() ? "-" : String.join(", ", a.tags())));
            out.println("status:     " + a.status() + (a.reason().isEmpty() ? "" : " (" + MemoryCommand.oneLine(a.reason()) + ")"));
            out.println("perplexity: " + Figures.perplexity(a) + "  (" + Figures.percentChange(100 * a.perplexityChange()) + ")");
            out.println("MFU:        " + Figures.mfu(a) + "  (" + Figures.points(a.mfuChange()) + ")");
            out.printf(Locale.ROOT, "LLM:        %d tokens in, %d out, $%.4f%n", a.inputTokens(), a.outputTokens(), a.cost());
            out.println("reasoning:");
            a.reasoning().strip().lines().forEach(line -> out.println("  " + line));
            out.println();
        }
        if (a.diff().isEmpty()) {
            (patch ? spec.commandLine().getErr() : out).println("(no diff: no program came of this attempt)");
        } else {
            out.print(a.diff().endsWith("\n") ? a.diff() : a.diff() + "\n");
        }
        out.flush();
        return 0;
    }
}
