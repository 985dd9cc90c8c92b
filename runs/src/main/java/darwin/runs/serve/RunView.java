package darwin.runs.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.text.TerminalText;
import darwin.memory.Attempt;
import darwin.memory.ConfirmedGain;
import darwin.memory.Suggestion;
import darwin.memory.SuggestionBox;
import darwin.memory.NoiseFloor;
import darwin.memory.Request;
import darwin.memory.RunDirectory;
import darwin.memory.ledger.LedgerEntry;
import darwin.memory.ledger.Selected;
import darwin.runs.config.RunSettings;
import darwin.runs.report.LineageStep;
import darwin.runs.report.Measured;
import darwin.runs.report.ReportData;
import darwin.runs.report.RunPlan;
import darwin.runs.report.RunRecords;
import darwin.runs.report.RunReport;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The page's picture of a run, as JSON, computed from the run's files alone, so that it is the
 * same for a live run, a stopped one, and one that another process drives. It has two parts that
 * change at different rates: the run ({@link #run}: its state, figures, lineage, requests and
 * suggestions, from the checkpoint, ledger, memories and queues, through the report's own model
 * {@link RunReport}, whose chart figures it reuses as they are) and the slots ({@link #slots}: what
 * each is evaluating, from the log). Every piece of run text is written as {@link TerminalText}
 * shows it; the page puts it in the document as text.
 */
final class RunView {

    /** The most suggestions shown: the latest. */
    static final int SUGGESTIONS = 20;

    private final RunDirectory run;
    private final ObjectMapper json;
    private final RunDesk desk;
    private int slots = 1;

    RunView(RunDirectory run, RunDesk desk, ObjectMapper json) {
        this.desk = desk;
        this.run = run;
        this.json = json;
    }

    /** The run's evaluation slots, as its settings said when {@link #run} last read them (1 before). */
    int slots() {
        return slots;
    }

    /** The run's part: {@code {"started": false}} until the run has written its checkpoint. */
    ObjectNode run(Instant now) {
        ObjectNode root = json.createObjectNode();
        root.put("directory", TerminalText.line(run.root().toString()));
        if (!java.nio.file.Files.isRegularFile(run.state())) {
            return root.put("started", false);
        }
        root.put("started", true);
        RunRecords records = RunRecords.read(run, json);
        RunPlan plan = desk.plan(records);
        Optional<RunSettings> settings = settings(records);
        slots = settings.map(s -> s.evaluation().slots()).orElse(1);
        RunReport report = RunReport.of(records, plan, now);
        RunReport.Header header = report.header();
        ObjectNode state = root.putObject("run");
        state.put("id", TerminalText.line(header.run())).put("started", header.started().toString())
                .put("generation", header.generation()).put("generations", plan.generations())
                .put("finished", header.finished()).put("agents", plan.agents())
                .put("budget", TerminalText.line(plan.budget())).put("mutator", TerminalText.line(plan.mutator()))
                .put("proposals", header.proposals()).put("evaluations", header.evaluations()).put("cost", header.cost())
                .put("slots", slots);
        settings.flatMap(s -> s.llm().costCap()).ifPresentOrElse(cap -> state.put("costCap", cap), () -> state.putNull("costCap"));
        Optional<Instant> last = records.ledger().isEmpty() ? Optional.empty() : Optional.of(records.ledger().getLast().time());
        last.ifPresentOrElse(t -> state.put("lastEvent", t.toString()), () -> state.putNull("lastEvent"));
        minutesLeft(records, header, plan).ifPresentOrElse(m -> state.put("minutesLeft", m), () -> state.putNull("minutesLeft"));
        header.seed().ifPresent(s -> measured(root.putObject("seed"), s));
        header.best().ifPresent(b -> measured(root.putObject("best"), b));
        header.noiseFloor().ifPresent(f -> root.put("noiseFloor", noiseFloor(f)));
        header.confirmed().ifPresent(c -> root.put("confirmed", confirmed(c)));
        ArrayNode members = root.putArray("members");
        records.state().members().forEach(m -> members.addObject().put("agent", TerminalText.line(m.agent()))
                .put("variant", TerminalText.line(m.variant())));
        root.set("figures", ReportData.figures(report, json));
        lineage(root.putArray("lineage"), report.lineage());
        requests(root.putArray("requests"), report.requests());
        filters(root.putObject("filters"), records.attempts());
        suggestions(root.putArray("suggestions"));
        return root;
    }

    /** The slots' part: the variants in flight, from the log. */
    ArrayNode slots(int slots, ZonedDateTime now) throws IOException {
        ArrayNode busy = json.createArrayNode();
        for (SlotActivity.InFlight f : SlotActivity.read(run.log(), slots, now)) {
            busy.addObject().put("variant", f.variant()).put("phase", f.phase()).put("since", f.since().toInstant().toString());
        }
        return busy;
    }

    /** The time the remaining generations will take at the pace of those done: none before one is done, or after all. */
    private static Optional<Double> minutesLeft(RunRecords records, RunReport.Header header, RunPlan plan) {
        List<LedgerEntry> selections = records.entries(Selected.class);
        int left = plan.generations() - header.generation();
        if (selections.isEmpty() || left <= 0 || header.generation() <= 0) {
            return Optional.empty();
        }
        double minutes = Duration.between(header.started(), selections.getLast().time()).toMillis() / 60_000.0;
        return Optional.of(minutes / header.generation() * left);
    }

    private Optional<RunSettings> settings(RunRecords records) {
        try {
            return Optional.of(desk.settings(records.state()));
        } catch (RuntimeException e) {
            return Optional.empty(); // settings this darwin no longer reads: the plan says what it can
        }
    }

    private static void measured(ObjectNode node, Measured m) {
        node.put("variant", TerminalText.line(m.variant())).put("perplexity", m.perplexity()).put("mfu", m.mfu())
                .put("replicates", m.replicates());
    }

    static String noiseFloor(NoiseFloor floor) {
        return String.format(Locale.ROOT, "perplexity ±%s, MFU ±%s (the seed measured %d times at %s)",
                percent(floor.loss().sd(), floor.loss().known()), percent(floor.logMfu().sd(), floor.logMfu().known()),
                floor.replicates(), TerminalText.line(floor.budget()));
    }

    static String confirmed(ConfirmedGain gain) {
        return TerminalText.line(String.format(Locale.ROOT, "%s against the seed, %d evaluations each: perplexity %s (%s), MFU %s",
                gain.variant(), gain.repeat(), gain.perplexity().percent(),
                gain.significant() ? "significant at 95%" : "not significant at 95%", gain.mfu().percent()));
    }

    private static String percent(double sd, boolean known) {
        return known ? String.format(Locale.ROOT, "%.2f%%", 100 * sd) : "unknown";
    }

    private static void lineage(ArrayNode into, List<LineageStep> steps) {
        for (LineageStep step : steps) {
            ObjectNode node = into.addObject();
            node.put("parent", TerminalText.line(step.parent())).put("child", TerminalText.line(step.child()));
            switch (step) {
                case LineageStep.Change c -> {
                    Attempt a = c.attempt();
                    AttemptsView.row(node.put("kind", "change"), a);
                    node.put("reasoning", TerminalText.lines(a.reasoning())).put("diff", TerminalText.lines(a.diff()));
                }
                case LineageStep.Upgrade u -> node.put("kind", "upgrade").put("diff", TerminalText.lines(u.diff()));
            }
        }
    }

    private static void requests(ArrayNode into, List<Request> requests) {
        for (Request r : requests) {
            ObjectNode node = into.addObject();
            node.put("id", TerminalText.line(r.id())).put("kind", r.kind().name()).put("status", r.status().name())
                    .put("agent", TerminalText.line(r.agent())).put("generation", r.generation())
                    .put("title", TerminalText.line(r.title())).put("rationale", TerminalText.lines(r.rationale()))
                    .put("payload", TerminalText.lines(r.payload())).put("created", r.created().toString());
            if (r.decision() != null) {
                node.putObject("decision").put("by", TerminalText.line(r.decision().by())).put("at", r.decision().at().toString())
                        .put("note", TerminalText.lines(r.decision().note())).put("value", TerminalText.lines(r.decision().value()));
            }
            if (r.applied() != null) {
                node.putObject("applied").put("generation", r.applied().generation())
                        .put("note", TerminalText.line(r.applied().note()));
            }
        }
    }

    /** The values the attempts table's filters offer: statuses, tags and agents the run has. */
    private static void filters(ObjectNode into, List<Attempt> attempts) {
        TreeSet<String> statuses = new TreeSet<>();
        TreeSet<String> tags = new TreeSet<>();
        TreeSet<String> agents = new TreeSet<>();
        for (Attempt a : attempts) {
            statuses.add(a.status());
            tags.addAll(a.tags());
            agents.add(a.mutator());
        }
        into.put("attempts", attempts.size());
        statuses.forEach(into.putArray("statuses")::add);
        tags.forEach(into.putArray("tags")::add);
        agents.forEach(into.putArray("agents")::add);
    }

    /** The latest suggestions, read without the box's lock: the page writes nothing to read. */
    private void suggestions(ArrayNode into) {
        List<Suggestion> all = new SuggestionBox(run.suggestions(), json, Clock.systemUTC()).peek();
        for (Suggestion s : all.subList(Math.max(0, all.size() - SUGGESTIONS), all.size())) {
            into.addObject().put("id", TerminalText.line(s.id())).put("at", s.at().toString())
                    .put("by", TerminalText.line(s.by())).put("agent", TerminalText.line(s.agent()))
                    .put("text", TerminalText.lines(s.text()));
        }
    }
}
