package darwin.runs.memory;

import darwin.memory.Attempt;
import java.io.PrintWriter;
import java.util.List;

/** Attempts as a table, one line each: the layout of {@code attempts} and {@code show}. */
final class AttemptTable {

    private static final int SUMMARY_WIDTH = 60;

    private AttemptTable() {}

    static void print(List<Attempt> attempts, PrintWriter out) {
        TextTable table = new TextTable(
                List.of("gen", "key", "by", "owner", "status", "perplexity", "MFU", "change", "tags", "summary"), 0);
        for (Attempt a : attempts) {
            table.add(List.of(String.valueOf(a.generation()), a.proposal(), a.mutator(), a.owner().isEmpty() ? "-" : a.owner(),
                    a.status(), Figures.perplexity(a), Figures.mfu(a), Figures.change(a),
                    a.tags().isEmpty() ? "-" : String.join(",", a.tags()), Figures.cut(a.summary(), SUMMARY_WIDTH)));
        }
        table.print(out);
    }
}
