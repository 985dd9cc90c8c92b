package darwin.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.memory.Request;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import darwin.memory.Suggestion;
import darwin.runs.config.RunSettings;
import darwin.runs.report.RunPlan;
import darwin.runs.report.RunRecords;
import darwin.runs.serve.RunDesk;
import java.io.PrintWriter;
import java.util.Optional;

/** The page's desk: the code of {@code darwin requests}, {@code suggest} and {@code report}, on one run. */
public record CommandLineDesk(RunDirectory run) implements RunDesk {

    @Override
    public Optional<Request> find(String id) {
        return RequestDecisions.open(run.root()).find(id);
    }

    @Override
    public Request approve(String id, String note, String value, PrintWriter out) {
        return RequestDecisions.open(run.root()).approveWithText(id, null, note, value, out);
    }

    @Override
    public Request deny(String id, String note) {
        return RequestDecisions.open(run.root()).deny(id, null, note);
    }

    @Override
    public Suggestion suggest(String agent, String text) {
        return Suggestions.write(run.root(), null, agent, text);
    }

    @Override
    public RunPlan plan(RunRecords records) {
        return new RunFiles(run, records.state(), new ObjectMapper()).plan(records);
    }

    @Override
    public RunSettings settings(RunState state) {
        return new RunFiles(run, state, new ObjectMapper()).settings();
    }
}
