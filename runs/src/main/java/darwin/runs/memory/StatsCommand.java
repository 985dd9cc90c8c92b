package darwin.runs.memory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.memory.Attempt;
import darwin.memory.query.AttemptStats;
import darwin.memory.query.MemoryStats;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code darwin memory DIR stats}: which kinds of change, and which agents, went with improvement. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Per tag and per agent: attempts, shares that compiled, trained and improved, mean changes,"
                + " best and worst example.")
final class StatsCommand implements Callable<Integer> {

    /** What the columns mean, printed under the tables and given in the JSON. */
    static final String DEFINITIONS = """
            compiled: a program came of the proposal and compiled (PROPOSED, or any evaluation status but COMPILE_ERROR);
            trained: it trained within the budget and was measured (status OK);
            improved: it trained to a lower held-out perplexity than the variant it changed.
            Shares are of all the group's attempts; perplexity (%) and MFU (percentage points) are mean changes over the
            measured attempts (trained, with a measured target); best and worst are by perplexity change.""";

    private static final int EXAMPLE_WIDTH = 32;

    @ParentCommand
    MemoryCommand memory;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        List<Attempt> attempts = memory.open().attempts();
        MemoryStats stats = MemoryStats.of(attempts);
        PrintWriter out = MemoryCommand.out(spec);
        if (json) {
            ObjectNode node = stats.toJson(memory.json);
            node.put("definitions", DEFINITIONS.replace('\n', ' '));
            out.println(node);
        } else if (attempts.isEmpty()) {
            out.println("no attempts yet in " + memory.dir);
        } else {
            table("tag", stats.byTag(), out);
            out.println();
            table("agent", stats.byAgent(), out);
            out.println();
            table("", List.of(stats.all()), out);
            out.println();
            out.println(DEFINITIONS);
        }
        out.flush();
        return 0;
    }

    private static void table(String by, List<AttemptStats> groups, PrintWriter out) {
        TextTable table = new TextTable(List.of(by.isEmpty() ? "all" : "by " + by, "attempts", "compiled", "trained", "improved",
                "perplexity", "MFU", "best", "worst"), 1, 2, 3, 4, 5, 6);
        for (AttemptStats s : groups) {
            table.add(List.of(by.isEmpty() ? "all attempts" : s.group(), String.valueOf(s.attempts()),
                    Figures.share(s.compiledShare()), Figures.share(s.trainedShare()), Figures.share(s.improvedShare()),
                    Figures.percentChange(s.meanPerplexityChange()), Figures.points(s.meanMfuChange()), example(s.best()),
                    example(s.worst())));
        }
        table.print(out);
    }

    private static String example(Attempt a) {
        return a == null ? Figures.NONE
                : a.proposal() + " " + Figures.percentChange(100 * a.perplexityChange()) + " " + Figures.cut(a.summary(), EXAMPLE_WIDTH);
    }
}
