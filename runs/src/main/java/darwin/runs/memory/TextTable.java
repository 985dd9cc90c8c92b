package darwin.runs.memory;

import darwin.core.text.TerminalText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text in aligned columns, two spaces apart; the columns named in {@code numeric} are
 * aligned right. The last column is not padded. Every cell is shown on one line as
 * {@link TerminalText#line} shows it, so no cell can hold a line break, an escape sequence or a
 * character that moves the cursor, and the columns stay aligned.
 */
final class TextTable {

    private final List<String> header;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> header, int... numeric) {
        this.header = header.stream().map(TerminalText::line).toList();
        this.right = new boolean[header.size()];
        for (int column : numeric) {
            right[column] = true;
        }
    }

    TextTable add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("a row of " + row.size() + " cells for " + header.size() + " columns");
        }
        rows.add(row.stream().map(TerminalText::line).toList());
        return this;
    }

    void print(PrintWriter out) {
        int[] width = new int[header.size()];
        for (List<String> row : all()) {
            for (int c = 0; c < row.size(); c++) {
                width[c] = Math.max(width[c], TerminalText.width(row.get(c)));
            }
        }
        for (List<String> row : all()) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                String pad = " ".repeat(width[c] - TerminalText.width(cell));
                boolean last = c == row.size() - 1;
                line.append(right[c] ? pad + cell : last ? cell : cell + pad).append(last ? "" : "  ");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private List<List<String>> all() {
        List<List<String>> all = new ArrayList<>(rows);
        all.addFirst(header);
        return all;
    }
}
