package darwin.mutation.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import darwin.core.Edit;
import darwin.core.Variant;
import darwin.mutation.edit.EditResult.Applied;
import darwin.mutation.edit.EditResult.Failed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A replacement is re-indented as a block: every line keeps its indentation relative to the
 * search text's lines, written in the file's indent characters.
 */
class ReindentationTest {

    private static final String MAIN = "program/p/Main.java";
    private static final String SPACED = """
            class Main {
                static double rate(int step) {
                    if (step < warmup) {
                        return lr * step / warmup;
                    }
                    return lr;
                }
            }
            """;
    private static final String TABBED = SPACED.replace("    ", "\t");

    private static String applied(String source, String search, String replace) {
        EditResult result = new EditApplier().apply(Variant.seed("p.Main", Map.of(MAIN, source)),
                List.of(new Edit.Replace(MAIN, search, replace)));
        return assertInstanceOf(Applied.class, result, () -> ((Failed) result).describe()).variant().files().get(MAIN);
    }

    @Test
    void aTabIndentedSearchReindentsEveryReplacementLineInTheFilesSpaces() {
        String search = "\tif (step < warmup) {\n\t\treturn lr * step / warmup;\n\t}\n";
        String replace = "\tif (step < warmup) {\n\t\tdouble ramp = (double) step / warmup;\n\t\treturn lr * ramp;\n\t}\n";

        String result = applied(SPACED, search, replace);

        assertEquals(SPACED.replace("            return lr * step / warmup;\n",
                "            double ramp = (double) step / warmup;\n            return lr * ramp;\n"), result);
    }

    @Test
    void aSpaceIndentedSearchIsWrittenWithTheFilesTabs() {
        String search = "if (step < warmup) {\n    return lr * step / warmup;\n}\n";
        String replace = "if (step < warmup) {\n    if (step == 0) {\n        return 0;\n    }\n    return lr * step / warmup;\n}\n";

        String result = applied(TABBED, search, replace);

        assertEquals(TABBED.replace("\t\tif (step < warmup) {\n",
                "\t\tif (step < warmup) {\n\t\t\tif (step == 0) {\n\t\t\t\treturn 0;\n\t\t\t}\n"), result);
    }

    @Test
    void aTabIndentedSearchAtAnotherDepthKeepsTheFilesTabs() {
        String search = "if (step < warmup) {\n\treturn lr * step / warmup;\n}\n";
        String replace = "if (step < warmup) {\n\tint left = warmup - step;\n\treturn lr * step / warmup;\n}\n";

        String result = applied(TABBED, search, replace);

        assertEquals(TABBED.replace("\t\t\treturn lr * step / warmup;\n", "\t\t\tint left = warmup - step;\n"
                + "\t\t\treturn lr * step / warmup;\n"), result);
    }

    @Test
    void linesWithMissingLeadingWhitespaceGetTheFilesIndentation() {
        assertEquals("    new_line1\n    new_line2\n    line3\n",
                applied("    line1\n    line2\n    line3\n", "line1\nline2\n", "new_line1\nnew_line2\n"));
    }

    @Test
    void variedMissingLeadingWhitespaceKeepsTheRelativeIndentation() {
        assertEquals("\n    line1\n    new_line2\n        new_line3\n    line4\n",
                applied("\n    line1\n    line2\n        line3\n    line4\n", "line2\n    line3\n",
                        "new_line2\n    new_line3\n"));
    }

    @Test
    void partlyMissingLeadingWhitespaceShiftsDeeperReplacementLinesAlike() {
        assertEquals("    new_line1\n        new_line2\n    line3\n",
                applied("    line1\n    line2\n    line3\n", " line1\n line2\n", " new_line1\n     new_line2\n"));
    }

    @Test
    void aBlankFirstSearchLineDoesNotStopTheReindentation() {
        assertEquals("    new_line1\n    new_line2\n    line3\n",
                applied("    line1\n    line2\n    line3\n", "\n  line1\n  line2\n", "  new_line1\n  new_line2\n"));
    }

    @Test
    void aSearchWithOnlyItsFirstLineUnindentedKeepsTheOtherLinesWhereTheyAre() {
        String search = "static double rate(int step) {\n        if (step < warmup) {\n";
        String replace = "static double rate(long step) {\n        if (step < warmup) {\n";

        assertEquals(SPACED.replace("int step", "long step"), applied(SPACED, search, replace));
    }

    @Test
    void blankReplacementLinesStayBlank() {
        String result = applied(SPACED, "return lr;\n", "double floor = 0.1 * lr;\n\nreturn Math.max(floor, lr);\n");

        assertEquals(SPACED.replace("        return lr;\n",
                "        double floor = 0.1 * lr;\n\n        return Math.max(floor, lr);\n"), result);
    }
}
