package darwin.runs.memory;

import darwin.memory.Attempt;
import java.io.PrintWriter;
import java.util.List;

/**
 * Attempts as a table, one line each: the layout of {@code attempts} and {@code show}. The changes
 * are relative, with half their 95% interval; the verdict says whether the perplexity change was
 * beyond the run's noise, and a change within it is marked {@code ~}.
 */
final class AttemptTable {

    private static final int SUMMARY_WIDTH = 60;

    private AttemptTable() {}

    static void print(List<Attempt> attempts, PrintWriter out) {
        TextTable table = new TextTable(
                List.of("gen", "key", "by", "owner", "status", "perplexity", "change", "MFU", "MFU change", "verdict", "tags",
                        "summary"), 0);
        for (Attempt a : attempts) {
            table.add(List.of(String.valueOf(a.generation()), a.proposal(), a.mutator(), a.owner().isEmpty() ? "-" : a.owner(),
                    a.status(), Figures.perplexity(a), Figures.change(a), Figures.mfu(a), Figures.mfuChange(a), Figures.verdict(a),
                    a.tags().isEmpty() ? "-" : String.join(",", a.tags()), Figures.cut(a.summary(), SUMMARY_WIDTH)));
        }
        table.print(out);
    }
}
