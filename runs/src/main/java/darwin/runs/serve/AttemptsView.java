package darwin.runs.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.text.TerminalText;
import darwin.memory.Attempt;
import darwin.memory.RunDirectory;
import darwin.memory.query.AttemptFilter;
import darwin.memory.query.RunMemory;
import java.util.List;

/**
 * The attempts table and one attempt in full, read from the agents' memories as
 * {@code darwin memory attempts} reads them ({@link RunMemory}: every attempt once) and filtered by
 * the same {@link AttemptFilter} (status, tag, agent). Every text is written as
 * {@link TerminalText} shows it; the page puts it in the document as text, never as markup.
 */
final class AttemptsView {

    /** The most rows one answer holds: the newest, when there are more. */
    static final int MOST_ROWS = 500;

    private final RunDirectory run;
    private final ObjectMapper json;

    AttemptsView(RunDirectory run, ObjectMapper json) {
        this.run = run;
        this.json = json;
    }

    /** The attempts that pass the filter, newest last, with how many there are in all. */
    ObjectNode list(AttemptFilter filter) {
        List<Attempt> all = memory().attempts();
        List<Attempt> passing = filter.apply(all);
        ObjectNode root = json.createObjectNode();
        root.put("total", all.size()).put("matching", passing.size());
        ArrayNode rows = root.putArray("attempts");
        passing.subList(Math.max(0, passing.size() - MOST_ROWS), passing.size()).forEach(a -> row(rows.addObject(), a));
        return root;
    }

    /**
     * One attempt with its reasoning and diff.
     *
     * @throws Refused 404 when the run has no attempt with this key
     */
    ObjectNode one(String key) {
        if (key == null || !key.matches("g\\d{1,9}-s\\d{1,9}")) {
            throw new Refused(400, "'" + key + "' is not a proposal key (g3-s1)");
        }
        Attempt attempt = memory().attempt(key).orElseThrow(() -> new Refused(404, "the run has no attempt " + key));
        ObjectNode node = json.createObjectNode();
        row(node, attempt);
        node.put("owner", TerminalText.line(attempt.owner()));
        node.put("reasoning", TerminalText.lines(attempt.reasoning()));
        node.put("diff", TerminalText.lines(attempt.diff()));
        node.put("inputTokens", attempt.inputTokens()).put("outputTokens", attempt.outputTokens());
        return node;
    }

    /** An attempt's line in the table. */
    static void row(ObjectNode row, Attempt a) {
        row.put("proposal", TerminalText.line(a.proposal())).put("generation", a.generation())
                .put("agent", TerminalText.line(a.mutator())).put("parent", TerminalText.line(a.parent()))
                .put("child", a.child() == null ? "" : TerminalText.line(a.child()))
                .put("summary", TerminalText.line(a.summary())).put("status", TerminalText.line(a.status()))
                .put("reason", TerminalText.line(a.reason())).put("cost", a.cost());
        number(row, "perplexityChange", 100 * a.perplexityChange());
        number(row, "mfuChange", a.mfuChange());
        ArrayNode tags = row.putArray("tags");
        a.tags().forEach(t -> tags.add(TerminalText.line(t)));
    }

    static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    private RunMemory memory() {
        return RunMemory.open(run.root(), json);
    }
}
