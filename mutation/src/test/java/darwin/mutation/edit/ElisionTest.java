package darwin.mutation.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Edit;
import darwin.core.Variant;
import darwin.mutation.edit.EditResult.Applied;
import darwin.mutation.edit.EditResult.Failed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A line that stands for lines left out is never matched against a real line, nor written into the file. */
class ElisionTest {

    private static final String MAIN = "program/p/Main.java";
    private static final String SOURCE = """
            class Main {
                static double rate(int step) {
                    if (step < warmup) {
                        return lr * step / warmup;
                    }
                    return lr;
                }
            }
            """;

    private static EditResult apply(String source, String search, String replace) {
        return new EditApplier().apply(Variant.seed("p.Main", Map.of(MAIN, source)),
                List.of(new Edit.Replace(MAIN, search, replace)));
    }

    private static Problem.Elided elided(String search, String replace) {
        EditResult result = apply(SOURCE, search, replace);
        Failed failed = assertInstanceOf(Failed.class, result, () -> "applied: " + ((Applied) result).changes());
        Problem problem = failed.failures().getFirst().problem();
        return assertInstanceOf(Problem.Elided.class, problem, problem.describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"...", "…", "// ...", "/* … */"})
    void aSearchWithAnElisionLineIsRefusedRatherThanMatchedNearly(String elision) {
        String search = """
                    static double rate(int step) {
                        if (step < warmup) {
                            return lr * step / warmup;
                        %s
                        return lr;
                    }
                """.formatted(elision);

        Problem.Elided problem = elided(search, search.replace("return lr;", "return 2 * lr;"));

        assertEquals(new Elision(Elision.Part.SEARCH, 4, "        " + elision), problem.elision());
        String text = problem.describe();
        assertTrue(text.startsWith("the search text leaves lines out: its line 4, `" + elision + "`, is an elision."), text);
        assertTrue(text.contains("quote every line it covers in full"), text);
    }

    @Test
    void aSearchWithAWordyElisionCommentIsRefused() {
        String search = "    static double rate(int step) {\n        // ... existing code ...\n    }\n";

        Problem.Elided problem = elided(search, "    static double rate(long step) {\n        return 0;\n    }\n");

        assertEquals(2, problem.elision().line());
    }

    @Test
    void aReplacementWithAnElisionLineIsRefused() {
        String search = "        return lr;\n    }\n";
        String replace = "        // ... existing code ...\n        return 2 * lr;\n    }\n";

        Problem.Elided problem = elided(search, replace);

        assertEquals(new Elision(Elision.Part.REPLACEMENT, 1, "        // ... existing code ..."), problem.elision());
        assertTrue(problem.describe().contains("write every line of the replacement in full"), problem.describe());
    }

    @Test
    void aRealLineThatLooksLikeAnElisionMatchesAndMayBeKept() {
        String source = SOURCE.replace("        return lr;\n", "        // ...then the plateau\n        return lr;\n");
        String search = "        // ...then the plateau\n        return lr;\n";

        EditResult result = apply(source, search, search.replace("return lr;", "return 2 * lr;"));

        Applied applied = assertInstanceOf(Applied.class, result, () -> ((Failed) result).describe());
        assertEquals(source.replace("return lr;", "return 2 * lr;"), applied.variant().files().get(MAIN));
    }

    @Test
    void javaVarargsAndRangesAreNotElisions() {
        assertFalse(Elision.is("    static void main(String... args) {"));
        assertFalse(Elision.is("    // the schedule... then decays"));
        assertTrue(Elision.is("\t# ..."));
        assertTrue(Elision.is("  <!-- … -->"));
    }
}
