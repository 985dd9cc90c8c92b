package darwin.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.text.TerminalText;
import darwin.memory.Request;
import darwin.memory.RequestBook;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import darwin.memory.ledger.Evaluated;
import darwin.memory.ledger.Ledger;
import darwin.memory.ledger.LedgerEntry;
import darwin.memory.ledger.LedgerEvents;
import darwin.memory.ledger.Proposed;
import darwin.memory.ledger.RequestFiled;
import darwin.memory.ledger.RunEnded;
import darwin.population.confirm.Standings;
import darwin.runs.config.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code darwin status DIR}: where a run stands, read from its files (also while it runs): its
 * progress, the seed's and the best variant's figures at the budget in force (each the mean of its
 * replicates: the geometric mean perplexity and MFU), and how sure they are (the noise floor and
 * the confirmed gain, once measured). What the run's files say is shown as {@link TerminalText}
 * shows it, and written into the JSON with what would act on a terminal as JSON escapes.
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Say where a run stands.")
final class StatusCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The run's directory.")
    Path dir;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunDirectory run = new RunDirectory(dir).requireRun();
        ObjectMapper mapper = new ObjectMapper();
        RunState state = RunState.load(run.state(), mapper);
        // read only: a live run may be writing the last line
        List<LedgerEntry> entries = Ledger.read(run.ledger());
        int planned = planned(state);
        Map<String, Integer> proposals = new TreeMap<>();
        double cost = 0;
        for (Proposed proposal : LedgerEvents.of(entries, Proposed.class)) {
            proposals.merge(proposal.status(), 1, Integer::sum);
            cost += proposal.cost();
        }
        int evaluations = LedgerEvents.of(entries, Evaluated.class).size();
        int requests = LedgerEvents.of(entries, RequestFiled.class).size();
        RunFiles files = new RunFiles(run, state, mapper);
        Standings standings = Standings.at(entries, RunConfirmation.budget(files.settings(), run, mapper));
        Optional<Standings.Measured> best = standings.best();
        Optional<Standings.Measured> seed = standings.of(state.seedVariant());
        boolean finished = !LedgerEvents.of(entries, RunEnded.class).isEmpty() && state.generation() >= planned;
        long pending = new RequestBook(run.requests(), mapper, Clock.systemUTC()).snapshot().stream()
                .filter(Request::pending).count();
        EndpointState endpoint = EndpointState.of(entries);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = mapper.createObjectNode();
            node.put("run", state.id()).put("generation", state.generation()).put("generations", planned)
                    .put("finished", finished).put("evaluations", evaluations).put("cost", cost)
                    .put("requests", requests).put("pendingRequests", pending);
            node.set("proposals", mapper.valueToTree(proposals));
            node.set("members", mapper.valueToTree(state.members()));
            node.put("budget", standings.budget().key());
            best.ifPresent(b -> node.set("best", figures(b, mapper)));
            seed.ifPresent(s -> node.set("seed", figures(s, mapper)));
            node.set("noiseFloor", Confidence.json(state.noiseFloor(), mapper));
            node.set("confirmed", Confidence.json(state.confirmed(), mapper));
            node.set("llmEndpoint", endpoint.json(mapper));
            out.println(TerminalText.json(node.toString()));
        } else {
            out.println(TerminalText.line(String.format(Locale.ROOT, "run %s: generation %d of %d%s", state.id(),
                    state.generation(), planned, finished ? ", finished" : "")));
            out.println(TerminalText.line(String.format(Locale.ROOT, "proposals: %s; evaluations: %d; LLM cost $%.2f; requests: %d",
                    proposals, evaluations, cost, requests)));
            seed.ifPresent(s -> out.println(TerminalText.line("seed " + line(s))));
            best.ifPresent(b -> out.println(TerminalText.line("best so far " + line(b))));
            out.println(Confidence.noiseFloor(state.noiseFloor()));
            out.println(Confidence.confirmed(state.confirmed()));
            endpoint.line(dir.toString()).ifPresent(line -> out.println(TerminalText.line(line)));
            state.members().forEach(m -> out.println(TerminalText.line("  " + m.agent() + " owns " + m.variant())));
            if (pending > 0) {
                out.printf("%d request%s wait%s for a decision: darwin requests %s list%n", pending, pending == 1 ? "" : "s",
                        pending == 1 ? "s" : "", dir);
            }
        }
        out.flush();
        return 0;
    }

    /** {@code 0123…: perplexity 11.000, MFU 44.8% (mean of 3 evaluations)}, or {@code (one evaluation)}. */
    private static String line(Standings.Measured measured) {
        return String.format(Locale.ROOT, "%s: perplexity %.3f, MFU %.1f%% (%s)", measured.variant(), measured.perplexity(),
                100 * measured.mfu(), measured.count() == 1 ? "one evaluation" : "mean of " + measured.count() + " evaluations");
    }

    private static ObjectNode figures(Standings.Measured measured, ObjectMapper mapper) {
        return mapper.createObjectNode().put("variant", measured.variant()).put("perplexity", measured.perplexity())
                .put("mfu", measured.mfu()).put("evaluations", measured.count());
    }

    /** The generations the run was started or resumed for, as {@code run.json} keeps them. */
    private static int planned(RunState state) {
        String kept = RunAssembly.restore(state.settings()).get(Settings.GENERATIONS);
        try {
            return kept == null ? state.generation() : Settings.GENERATIONS.type().parse(kept);
        } catch (IllegalArgumentException e) {
            return state.generation();
        }
    }
}
