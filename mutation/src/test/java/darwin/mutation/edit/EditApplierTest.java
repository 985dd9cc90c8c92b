package darwin.mutation.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Edit;
import darwin.core.Variant;
import darwin.mutation.edit.EditResult.Applied;
import darwin.mutation.edit.EditResult.Failed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EditApplierTest {

    private static final String MAIN = "program/p/Main.java";
    private static final String SOURCE = """
            package p;

            public class Main {
                static double lr = 6e-4;
                static int warmup = 100;

                static double rate(int step) {
                    if (step < warmup) {
                        return lr * step / warmup;
                    }
                    return lr;
                }
            }
            """;
    private static final Variant TARGET = Variant.seed("p.Main", Map.of(MAIN, SOURCE,
            "harness/darwin/trainer/api/TrainingProgram.java", "interface TrainingProgram {}\n"));

    private final EditApplier applier = new EditApplier();

    private Applied applied(Variant target, Edit... edits) {
        EditResult result = applier.apply(target, List.of(edits));
        return assertInstanceOf(Applied.class, result, () -> ((Failed) result).describe());
    }

    private EditFailure failure(Variant target, Edit... edits) {
        Failed failed = assertInstanceOf(Failed.class, applier.apply(target, List.of(edits)));
        assertEquals(1, failed.failures().size(), failed.describe());
        return failed.failures().getFirst();
    }

    private static Variant withMain(String source) {
        return Variant.seed("p.Main", Map.of(MAIN, source));
    }

    @Test
    void replacesAnExactMatch() {
        Applied applied = applied(TARGET, new Edit.Replace(MAIN, "    static int warmup = 100;\n", "    static int warmup = 20;\n"));

        assertEquals(SOURCE.replace("warmup = 100;", "warmup = 20;"), applied.variant().files().get(MAIN));
        assertEquals(List.of(new EditReport(1, MAIN, MatchStrategy.EXACT, new LineRange(5, 5), 1)), applied.reports());
        assertEquals(List.of(TARGET.id()), applied.variant().parents());
        assertEquals(List.of(MAIN), List.copyOf(applied.changes().keySet()));
    }

    @Test
    void refusesASearchTextFoundTwiceAndSaysWhere() {
        Variant twice = withMain("class Main {\n    int a() {\n        return 1;\n    }\n    int b() {\n        return 1;\n    }\n}\n");

        EditFailure failure = failure(twice, new Edit.Replace(MAIN, "        return 1;\n", "        return 2;\n"));

        Problem.Repeated repeated = assertInstanceOf(Problem.Repeated.class, failure.problem());
        assertEquals(MatchStrategy.EXACT, repeated.strategy());
        assertEquals(List.of(new LineRange(3, 3), new LineRange(6, 6)), repeated.places());
        assertTrue(failure.describe().contains("found 2 times, at lines 3 and 6"), failure.describe());
    }

    @Test
    void matchesIgnoringWhitespaceAndReindentsTheReplacement() {
        String search = "if (step < warmup) {\n  return lr * step / warmup;\n}\n";
        String replace = "if (step < warmup) {\n  return lr * (step + 1) / warmup;\n}\n";

        Applied applied = applied(TARGET, new Edit.Replace(MAIN, search, replace));

        assertEquals(SOURCE.replace("""
                        if (step < warmup) {
                            return lr * step / warmup;
                        }
                """, """
                        if (step < warmup) {
                            return lr * (step + 1) / warmup;
                        }
                """), applied.variant().files().get(MAIN));
        assertEquals(new EditReport(1, MAIN, MatchStrategy.WHITESPACE, new LineRange(8, 10), 1), applied.reports().getFirst());
    }

    @Test
    void matchesIgnoringInnerWhitespaceAndBlankLinesAtTheEnds() {
        Applied applied = applied(TARGET, new Edit.Replace(MAIN, "\n    static   double lr =  6e-4;\n\n", "\n    static double lr = 1e-3;\n\n"));

        assertEquals(SOURCE.replace("6e-4", "1e-3"), applied.variant().files().get(MAIN));
        assertEquals(MatchStrategy.WHITESPACE, applied.reports().getFirst().strategy());
    }

    @Test
    void matchesNearlyWithOneChangedToken() {
        String search = "    static double lr = 3e-4;\n    static int warmup = 100;\n";
        String replace = "    static double lr = 1e-3;\n    static int warmup = 100;\n";

        Applied applied = applied(TARGET, new Edit.Replace(MAIN, search, replace));

        assertEquals(SOURCE.replace("6e-4", "1e-3"), applied.variant().files().get(MAIN));
        EditReport report = applied.reports().getFirst();
        assertEquals(MatchStrategy.FUZZY, report.strategy());
        assertEquals(new LineRange(4, 5), report.lines());
        assertTrue(report.similarity() >= 0.9 && report.similarity() < 1, report.describe());
    }

    @Test
    void refusesAnAmbiguousNearMatch() {
        Variant two = withMain("""
                class Main {
                    double beta1 = 0.9;
                    double beta2 = 0.95;
                    int steps = 10;
                    double beta1b = 0.8;
                    double beta2 = 0.95;
                }
                """.replace("beta1b", "beta1"));

        EditFailure failure = failure(two, new Edit.Replace(MAIN, "double beta1 = 0.7;\ndouble beta2 = 0.95;\n", "x\n"));

        Problem.Ambiguous ambiguous = assertInstanceOf(Problem.Ambiguous.class, failure.problem());
        assertEquals(List.of(new LineRange(2, 3), new LineRange(5, 6)),
                ambiguous.candidates().stream().map(Candidate::lines).toList());
        assertTrue(failure.describe().contains("2 regions nearly match it"), failure.describe());
    }

    @Test
    void reportsTheClosestRegionWhenNotFound() {
        EditFailure failure = failure(TARGET, new Edit.Replace(MAIN, "    static int warmup = 500;\n    static int decay = 9000;\n",
                "x\n"));

        Problem.NotFound notFound = assertInstanceOf(Problem.NotFound.class, failure.problem());
        Candidate closest = notFound.closest().orElseThrow();
        assertEquals(new LineRange(4, 5), closest.lines());
        assertTrue(closest.similarity() < 0.9, closest.describe());
        assertEquals(List.of("    static double lr = 6e-4;", "    static int warmup = 100;"), closest.excerpt());
        String text = failure.describe();
        assertTrue(text.startsWith("Edit 1 (program/p/Main.java): the search text was not found"), text);
        assertTrue(text.contains("The closest region is lines 4-5 (similarity 0."), text);
        assertTrue(text.contains("    5 |     static int warmup = 100;"), text);
    }

    @Test
    void saysWhyNoNearMatchWasLookedForInALargeSearch() {
        EditResult result = new EditApplier(new FuzzyRule(0.9, 0.05, 1, 5_000, 1_000_000))
                .apply(TARGET, List.of(new Edit.Replace(MAIN, "a\nb\n", "c\n")));

        Problem.NotFound notFound = assertInstanceOf(Problem.NotFound.class,
                assertInstanceOf(Failed.class, result).failures().getFirst().problem());
        assertTrue(notFound.closest().isEmpty());
        assertTrue(notFound.describe().contains("The search text has 2 lines, and near matches are looked for only up to 1"),
                notFound.describe());
    }

    @Test
    void refusesAnEditToTheHarness() {
        EditFailure failure = failure(TARGET, new Edit.Replace("harness/darwin/trainer/api/TrainingProgram.java",
                "interface", "class"));

        assertInstanceOf(Problem.OutsideProgram.class, failure.problem());
        assertTrue(failure.describe().contains("the path is outside program/"), failure.describe());
    }

    @Test
    void refusesAnEditToTheResourceManifestAndSaysHowToAskForAResource() {
        EditFailure failure = failure(TARGET, new Edit.Write("resources/manifest.json", "{\"schema\": 1}"));

        assertInstanceOf(Problem.OutsideProgram.class, failure.problem());
        assertTrue(failure.describe().contains("resources/ lists the datasets and libraries people approved"), failure.describe());
        assertTrue(failure.describe().contains("DATASET or LIBRARY request"), failure.describe());
    }

    @Test
    void refusesAWriteOutsideProgram() {
        EditFailure failure = failure(TARGET, new Edit.Write("results/fake.json", "{}"));

        assertInstanceOf(Problem.OutsideProgram.class, failure.problem());
    }

    @Test
    void refusesAReplacementInAMissingFile() {
        EditFailure failure = failure(TARGET, new Edit.Replace("program/p/Missing.java", "a", "b"));

        assertInstanceOf(Problem.MissingFile.class, failure.problem());
        assertTrue(failure.describe().contains("the file does not exist"), failure.describe());
    }

    @Test
    void anEmptySearchCreatesAMissingFile() {
        Applied applied = applied(TARGET, new Edit.Replace("program/p/Rope.java", "", "package p;\n\nfinal class Rope {\n}\n"));

        assertEquals("package p;\n\nfinal class Rope {\n}\n", applied.variant().files().get("program/p/Rope.java"));
        assertEquals(new EditReport(1, "program/p/Rope.java", MatchStrategy.WHOLE_FILE, new LineRange(1, 4), 1),
                applied.reports().getFirst());
    }

    @Test
    void anEmptySearchFillsAnEmptyFile() {
        Variant empty = Variant.seed("p.Main", Map.of(MAIN, SOURCE, "program/p/Empty.java", ""));

        Applied applied = applied(empty, new Edit.Replace("program/p/Empty.java", "", "package p;\n"));

        assertEquals("package p;\n", applied.variant().files().get("program/p/Empty.java"));
    }

    @Test
    void anEmptySearchForAnExistingFileIsRefusedAsAmbiguous() {
        EditFailure failure = failure(TARGET, new Edit.Replace(MAIN, "", "class Other {}\n"));

        assertInstanceOf(Problem.FileExists.class, failure.problem());
        assertTrue(failure.describe().contains("the search text is empty, which creates a new file, but the file exists"),
                failure.describe());
    }

    @Test
    void anEmptySearchOutsideProgramCreatesNothing() {
        EditFailure failure = failure(TARGET, new Edit.Replace("harness/darwin/New.java", "", "class New {}\n"));

        assertInstanceOf(Problem.OutsideProgram.class, failure.problem());
    }

    @Test
    void appliesEditsInSequence() {
        Applied applied = applied(TARGET,
                new Edit.Replace(MAIN, "    static int warmup = 100;\n", "    static int warmup = 100;\n    static int decay = 2000;\n"),
                new Edit.Replace(MAIN, "    static int decay = 2000;\n", "    static int decay = 1500;\n"));

        assertTrue(applied.variant().files().get(MAIN).contains("    static int warmup = 100;\n    static int decay = 1500;\n"));
        assertEquals(List.of(new LineRange(5, 5), new LineRange(6, 6)),
                applied.reports().stream().map(EditReport::lines).toList());
    }

    @Test
    void writesANewFile() {
        Applied applied = applied(TARGET, new Edit.Write("program/p/Rope.java", "package p;\n\nfinal class Rope {\n}\n"));

        assertEquals("package p;\n\nfinal class Rope {\n}\n", applied.variant().files().get("program/p/Rope.java"));
        assertEquals(SOURCE, applied.variant().files().get(MAIN));
        assertEquals(new EditReport(1, "program/p/Rope.java", MatchStrategy.WHOLE_FILE, new LineRange(1, 4), 1),
                applied.reports().getFirst());
    }

    @Test
    void deletesLinesWithAnEmptyReplacement() {
        Applied applied = applied(TARGET, new Edit.Replace(MAIN, "static double lr = 6e-4;\nstatic int warmup = 100;\n\n", ""));

        assertEquals(SOURCE.replace("    static double lr = 6e-4;\n    static int warmup = 100;\n", ""),
                applied.variant().files().get(MAIN));
    }

    @Test
    void reportsEveryFailedEditAndAppliesNone() {
        Failed failed = assertInstanceOf(Failed.class, applier.apply(TARGET, List.of(
                new Edit.Replace(MAIN, "    static int warmup = 100;\n", "    static int warmup = 20;\n"),
                new Edit.Replace(MAIN, "static long seed = 7;\n", "static long seed = 8;\n"),
                new Edit.Write("harness/x.java", "x"))));

        assertEquals(List.of(2, 3), failed.failures().stream().map(EditFailure::index).toList());
        assertEquals(List.of(1), failed.reports().stream().map(EditReport::index).toList());
        assertTrue(failed.describe().startsWith("2 of 3 edits could not be applied, so nothing was changed:\nEdit 2"),
                failed.describe());
    }

    @Test
    void leavesTheTargetAsItIsWhenNothingChanges() {
        Applied applied = applied(TARGET, new Edit.Write(MAIN, SOURCE));

        assertEquals(TARGET, applied.variant());
        assertTrue(applied.changes().isEmpty());
    }
}
