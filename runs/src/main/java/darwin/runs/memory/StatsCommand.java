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
        description = "Per tag and per agent: attempts, shares that compiled, trained and improved (beyond the noise),"
                + " how many were better, worse or within noise, mean changes with their 95%% intervals, best and worst example.")
final class StatsCommand implements Callable<Integer> {

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
            node.put("definitions", MemoryStats.DEFINITIONS.replace('\n', ' '));
            out.println(MemoryCommand.json(node));
        } else if (attempts.isEmpty()) {
            out.println("no attempts yet in " + memory.dir);
        } else {
            table("tag", stats.byTag(), out);
            out.println();
            table("agent", stats.byAgent(), out);
            out.println();
            table("", List.of(stats.all()), out);
            out.println();
            out.println(MemoryStats.DEFINITIONS);
        }
        out.flush();
        return 0;
    }

    private static void table(String by, List<AttemptStats> groups, PrintWriter out) {
        TextTable table = new TextTable(List.of(by.isEmpty() ? "all" : "by " + by, "attempts", "compiled", "trained", "improved",
                "n", "better/worse/noise", "perplexity", "MFU", "best", "worst"), 1, 2, 3, 4, 5, 6, 7, 8);
        for (AttemptStats s : groups) {
            AttemptStats.Verdicts v = s.verdicts();
            table.add(List.of(by.isEmpty() ? "all attempts" : s.group(), String.valueOf(s.attempts()),
                    Figures.share(s.compiledShare()), Figures.share(s.trainedShare()), Figures.share(s.improvedShare()),
                    String.valueOf(s.measured()), v.better() + "/" + v.worse() + "/" + v.withinNoise()
                            + (v.unjudged() == 0 ? "" : " (+" + v.unjudged() + " n=1)"),
                    Figures.mean(s.perplexity(), s.measured()), Figures.mean(s.mfu(), s.measured()), example(s.best()),
                    example(s.worst())));
        }
        table.print(out);
    }

    private static String example(Attempt a) {
        return a == null ? Figures.NONE
                : a.proposal() + " " + Figures.change(a) + " " + Figures.cut(a.summary(), EXAMPLE_WIDTH);
    }
}
