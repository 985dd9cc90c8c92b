package darwin.runs.memory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import darwin.memory.query.AgentSummary;
import darwin.memory.query.RunMemory;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code darwin memory DIR agents}: one line per agent. */
@Command(name = "agents", mixinStandardHelpOptions = true,
        description = "One line per agent: persona, LLM, attempts made and received, best perplexity change"
                + " (±: half its 95%% interval; ~: within the run's noise).")
final class AgentsCommand implements Callable<Integer> {

    @ParentCommand
    MemoryCommand memory;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    public Integer call() {
        RunMemory run = memory.open();
        List<AgentSummary> agents = run.agents().stream().map(a -> AgentSummary.of(a, run.attempts())).toList();
        PrintWriter out = MemoryCommand.out(spec);
        if (json) {
            ArrayNode array = memory.json.createArrayNode();
            agents.forEach(a -> array.add(a.toJson(memory.json)));
            out.println(MemoryCommand.json(array));
        } else if (agents.isEmpty()) {
            out.println("no agents yet in " + memory.dir);
        } else {
            TextTable table = new TextTable(List.of("agent", "persona", "LLM", "made", "received", "best"), 3, 4);
            for (AgentSummary a : agents) {
                table.add(List.of(a.agent(), a.persona().name(), a.llmLabel(), String.valueOf(a.made()),
                        String.valueOf(a.received()), best(a)));
            }
            table.print(out);
        }
        out.flush();
        return 0;
    }

    static String best(AgentSummary a) {
        return a.best() == null ? Figures.NONE : Figures.change(a.best()) + " (" + a.best().proposal() + ")";
    }
}
