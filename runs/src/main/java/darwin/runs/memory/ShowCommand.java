package darwin.runs.memory;

import darwin.core.text.TerminalText;
import darwin.memory.AgentMemory;
import darwin.memory.Attempt;
import darwin.memory.query.AgentSummary;
import darwin.memory.query.RunMemory;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code darwin memory DIR show AGENT}: an agent's persona, LLM settings and attempts. What the
 * agent's file says is shown on one line each, as {@link TerminalText#line} shows it.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "An agent's persona, LLM settings, and the attempts it made or received.")
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    MemoryCommand memory;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "AGENT", description = "The agent's id, e.g. agent-1.")
    String agent;

    @Override
    public Integer call() {
        RunMemory run = memory.open();
        AgentMemory found = run.agent(agent).orElseThrow(() -> new IllegalArgumentException("no agent '" + agent + "' in "
                + memory.dir + "; the agents are " + run.agents().stream().map(AgentMemory::agent).toList()));
        AgentSummary summary = AgentSummary.of(found, run.attempts());
        PrintWriter out = MemoryCommand.out(spec);
        out.println(TerminalText.line(found.agent() + ": " + found.persona().name()));
        if (!found.persona().focus().isEmpty()) {
            out.println("  " + MemoryCommand.oneLine(found.persona().focus()));
        }
        if (!found.persona().interests().isEmpty()) {
            out.println(TerminalText.line("  interests: " + String.join(", ", found.persona().interests())));
        }
        Map<String, String> more = new TreeMap<>(found.llm());
        more.keySet().removeAll(List.of("provider", "model"));
        more.values().removeIf(String::isBlank);
        out.println(TerminalText.line("  LLM: " + summary.llmLabel() + (more.isEmpty() ? "" : "  ("
                + more.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")) + ")")));
        out.println(TerminalText.line("  attempts: " + summary.made() + " made, " + summary.received() + " received; best "
                + AgentsCommand.best(summary)));
        List<Attempt> attempts = run.attempts().stream()
                .filter(a -> a.mutator().equals(found.agent()) || a.owner().equals(found.agent())).toList();
        out.println();
        if (attempts.isEmpty()) {
            out.println("no attempts yet");
        } else {
            AttemptTable.print(attempts, out);
        }
        out.flush();
        return 0;
    }
}
