package darwin.mutation.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import darwin.core.Edit;
import darwin.core.Variant;
import darwin.mutation.edit.EditResult.Applied;
import darwin.mutation.edit.EditResult.Failed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An exact match neither starts nor ends inside a word; a search text with a line end starts a
 * line (after its indentation at most); a fragment without one may lie within a line.
 */
class ExactMatchTest {

    private static final String MAIN = "program/p/Main.java";
    private static final String SOURCE = """
            class Main {
                static final double MIN_LR = 1e-4;
                static final double LR = 1e-3;
                static int steps = 1000;

                void run() {
                    if (ready) start();
                    train();
                }
            }
            """;

    private final EditApplier applier = new EditApplier();

    private EditResult apply(String source, Edit edit) {
        return applier.apply(Variant.seed("p.Main", Map.of(MAIN, source)), List.of(edit));
    }

    private Applied applied(String source, String search, String replace) {
        EditResult result = apply(source, new Edit.Replace(MAIN, search, replace));
        return assertInstanceOf(Applied.class, result, () -> ((Failed) result).describe());
    }

    private Problem problem(String source, String search, String replace) {
        EditResult result = apply(source, new Edit.Replace(MAIN, search, replace));
        Failed failed = assertInstanceOf(Failed.class, result, () -> "applied: " + ((Applied) result).changes());
        return failed.failures().getFirst().problem();
    }

    @Test
    void aSearchTextInsideALongerLineIsNotAnExactMatch() {
        Problem problem = problem(SOURCE, "LR = 1e-4;\n", "LR = 2e-4;\n");

        assertInstanceOf(Problem.NotFound.class, problem, problem.describe());
    }

    @Test
    void aFragmentThatStartsInsideAWordIsNotAnExactMatch() {
        Problem problem = problem(SOURCE, "LR = 1e-4;", "LR = 2e-4;");

        assertInstanceOf(Problem.NotFound.class, problem, problem.describe());
    }

    @Test
    void aFragmentThatStartsAWordMatchesWithinItsLine() {
        Applied applied = applied(SOURCE, "LR = 1e-3;", "LR = 2e-3;");

        assertEquals(SOURCE.replace("LR = 1e-3;", "LR = 2e-3;"), applied.variant().files().get(MAIN));
        assertEquals(MatchStrategy.EXACT, applied.reports().getFirst().strategy());
    }

    @Test
    void aFragmentWithinALineIsReplacedInPlace() {
        Applied applied = applied(SOURCE, "start()", "begin()");

        assertEquals(SOURCE.replace("start()", "begin()"), applied.variant().files().get(MAIN));
    }

    @Test
    void aFragmentsFollowingReplacementLinesGoUnderItsLine() {
        String expected = SOURCE.replace("        train();\n", "        train();\n        report();\n");

        assertEquals(expected, applied(SOURCE, "train();", "train();\nreport();").variant().files().get(MAIN));
        assertEquals(expected, applied(SOURCE, "train();", "train();\n        report();").variant().files().get(MAIN));
    }

    @Test
    void aSearchTextThatEndsInsideANumberIsNotAnExactMatch() {
        Applied applied = applied(SOURCE, "    static int steps = 100", "    static int steps = 200");

        assertNotEquals(MatchStrategy.EXACT, applied.reports().getFirst().strategy());
        assertFalse(applied.variant().files().get(MAIN).contains("2000"), applied.variant().files().get(MAIN));
    }

    @Test
    void aDeletionOfTextInsideALineNoLongerJoinsTwoLines() {
        Problem problem = problem(SOURCE, "start();\n", "");

        assertInstanceOf(Problem.NotFound.class, problem, problem.describe());
    }

    @Test
    void anUnindentedOneLineSearchKeepsAMultiLineReplacementIndented() {
        Applied applied = applied(SOURCE, "static int steps = 1000;\n", "static int steps = 1000;\nstatic int warmup = 20;\n");

        assertEquals(SOURCE.replace("    static int steps = 1000;\n",
                "    static int steps = 1000;\n    static int warmup = 20;\n"), applied.variant().files().get(MAIN));
        assertEquals(new EditReport(1, MAIN, MatchStrategy.EXACT, new LineRange(4, 4), 1), applied.reports().getFirst());
    }

    @Test
    void anUnindentedOneLineDeletionRemovesTheWholeLine() {
        Applied applied = applied(SOURCE, "static int steps = 1000;\n", "");

        assertEquals(SOURCE.replace("    static int steps = 1000;\n", ""), applied.variant().files().get(MAIN));
    }

    @Test
    void anUnindentedMultiLineSearchIsReindentedAsABlock() {
        String search = "void run() {\n        if (ready) start();\n        train();\n    }\n";
        String replace = "void run() {\n        if (ready) start();\n        train();\n        report();\n    }\n";

        Applied applied = applied(SOURCE, search, replace);

        assertEquals(SOURCE.replace("        train();\n", "        train();\n        report();\n"),
                applied.variant().files().get(MAIN));
        assertEquals(MatchStrategy.EXACT, applied.reports().getFirst().strategy());
    }

    @Test
    void aSearchTextThatStartsALineMatchesExactly() {
        Applied applied = applied(SOURCE, "    static final double LR = 1e-3;\n", "    static final double LR = 2e-3;\n");

        assertEquals(SOURCE.replace("LR = 1e-3", "LR = 2e-3"), applied.variant().files().get(MAIN));
        assertEquals(MatchStrategy.EXACT, applied.reports().getFirst().strategy());
    }

    @Test
    void anExpressionAfterItsLinesIndentationMatchesToItsEnd() {
        String source = "class C {\n    static final C BABY =\n            new C(4, 1e-3);\n}\n";

        Applied applied = applied(source, "new C(4, 1e-3)", "new C(4, 2e-3)");

        assertEquals(source.replace("1e-3", "2e-3"), applied.variant().files().get(MAIN));
        assertEquals(MatchStrategy.EXACT, applied.reports().getFirst().strategy());
    }

    @Test
    void anUnindentedSearchFoundTwiceIsRefused() {
        String source = "    line1\n    line2\n    line1\n    line3\n";

        Problem.Repeated repeated = assertInstanceOf(Problem.Repeated.class, problem(source, "line1\n", "new_line\n"));

        assertEquals(MatchStrategy.EXACT, repeated.strategy());
        assertEquals(List.of(new LineRange(1, 1), new LineRange(3, 3)), repeated.places());
    }

    @Test
    void aSearchFoundTwiceIsRefusedRatherThanReplacedAtTheFirst() {
        Problem.Repeated repeated = assertInstanceOf(Problem.Repeated.class,
                problem("line1\nline2\nline1\nline3\n", "line1\n", "new_line\n"));

        assertEquals(List.of(new LineRange(1, 1), new LineRange(3, 3)), repeated.places());
    }

    @Test
    void aSearchTextWithoutItsFinalLineEndStillMatches() {
        Applied applied = applied("one\ntwo\nthree\n", "two", "new");

        assertEquals("one\nnew\nthree\n", applied.variant().files().get(MAIN));
    }
}
