package darwin.mutation.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Edit;
import darwin.core.Variant;
import darwin.mutation.edit.EditApplier;
import darwin.mutation.edit.EditFailure;
import darwin.mutation.edit.EditResult;
import darwin.mutation.edit.EditResult.Applied;
import darwin.mutation.edit.EditResult.Failed;
import darwin.mutation.edit.MatchStrategy;
import darwin.mutation.edit.Problem;
import darwin.mutation.reply.ParseResult.Parsed;
import darwin.mutation.reply.ParseResult.Unparsable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replies in the text form as models write them, read and then applied: the edit-block cases that
 * aider's tests describe, as far as they fit darwin's protocol, and where darwin differs on purpose
 * (a search text found twice, an empty search for a file that exists).
 */
class EditBlockCasesTest {

    private static final String NOTES = "program/p/notes.txt";
    private static final String MAIN = "program/p/Main.java";
    private static final String MAIN_SOURCE = """
            package p;

            class Main {
                static int warmup = 100;
                static double lr = 6e-4;
            }
            """;
    private static final Variant TARGET = Variant.seed("p.Main", Map.of(NOTES, "One\nTwo\nThree\n", MAIN, MAIN_SOURCE));

    private static List<Edit> edits(String reply) {
        ParseResult result = ReplyParser.parse(reply);
        Parsed parsed = assertInstanceOf(Parsed.class, result, () -> "unparsable: " + ((Unparsable) result).why());
        assertEquals(ReplyForm.TEXT, parsed.form());
        return parsed.change().edits();
    }

    private static String why(String reply) {
        return assertInstanceOf(Unparsable.class, ReplyParser.parse(reply)).why();
    }

    private static Map<String, String> applied(String reply) {
        EditResult result = new EditApplier().apply(TARGET, edits(reply));
        return assertInstanceOf(Applied.class, result, () -> ((Failed) result).describe()).variant().files();
    }

    private static EditFailure failure(String reply) {
        Failed failed = assertInstanceOf(Failed.class, new EditApplier().apply(TARGET, edits(reply)));
        return failed.failures().getFirst();
    }

    @Test
    void aBlockInAFenceAmidProseApplies() {
        String reply = """

                Here's the change:

                ```text
                program/p/notes.txt
                <<<<<<< SEARCH
                Two
                =======
                Tooooo
                >>>>>>> REPLACE
                ```

                Hope you like it!
                """;

        assertEquals(List.of(new Edit.Replace(NOTES, "Two\n", "Tooooo\n")), edits(reply));
        assertEquals("One\nTooooo\nThree\n", applied(reply).get(NOTES));
    }

    @Test
    void aPathAboveTheFenceNamesTheBlock() {
        String reply = "Here's the change:\n\nprogram/p/notes.txt\n```text\n<<<<<<< SEARCH\nTwo\n=======\nTooooo\n"
                + ">>>>>>> REPLACE\n```\n\nHope you like it!\n";

        assertEquals(List.of(new Edit.Replace(NOTES, "Two\n", "Tooooo\n")), edits(reply));
    }

    @Test
    void severalBlocksAfterOnePathLineEditThatFile() {
        String reply = """
                Here's the change:

                ```text
                program/p/notes.txt
                <<<<<<< SEARCH
                One
                =======
                Two
                >>>>>>> REPLACE

                ...

                <<<<<<< SEARCH
                Three
                =======
                Four
                >>>>>>> REPLACE
                ```

                Hope you like it!
                """;

        assertEquals(List.of(new Edit.Replace(NOTES, "One\n", "Two\n"), new Edit.Replace(NOTES, "Three\n", "Four\n")),
                edits(reply));
    }

    @Test
    void aSecondBlockInTheSameFenceTakesTheFirstBlocksPath() {
        String reply = """
                No problem! Here are the changes to `warmup` and `lr` in `program/p/Main.java`:

                ```java
                program/p/Main.java
                <<<<<<< SEARCH
                    static int warmup = 100;
                =======
                    static int warmup = 20;
                >>>>>>> REPLACE

                <<<<<<< SEARCH
                    static double lr = 6e-4;
                =======
                    static double lr = 1e-3;
                >>>>>>> REPLACE
                ```

                These changes shorten the warm-up and raise the learning rate.
                """;

        assertEquals(MAIN_SOURCE.replace("100", "20").replace("6e-4", "1e-3"), applied(reply).get(MAIN));
    }

    @Test
    void blocksForDifferentFilesKeepTheirOwnPaths() {
        String reply = "program/p/notes.txt\n<<<<<<< SEARCH\nOne\n=======\n1\n>>>>>>> REPLACE\n\nprogram/p/Main.java\n"
                + "<<<<<<< SEARCH\n    static int warmup = 100;\n=======\n    static int warmup = 20;\n>>>>>>> REPLACE\n\n"
                + "<<<<<<< SEARCH\n    static double lr = 6e-4;\n=======\n    static double lr = 1e-3;\n>>>>>>> REPLACE\n";

        assertEquals(List.of(NOTES, MAIN, MAIN), edits(reply).stream().map(Edit::path).toList());
    }

    @Test
    void aProseLineNamingAnotherFileStartsItsBlocks() {
        String reply = "program/p/notes.txt\n<<<<<<< SEARCH\nOne\n=======\n1\n>>>>>>> REPLACE\n\nNow the warm-up in"
                + " program/p/Main.java:\n<<<<<<< SEARCH\n    static int warmup = 100;\n=======\n    static int warmup = 20;\n"
                + ">>>>>>> REPLACE\n";

        assertEquals(List.of(NOTES, MAIN), edits(reply).stream().map(Edit::path).toList());
    }

    @Test
    void aFirstBlockWithoutAPathIsRefused() {
        String why = why("Here's the change:\n\n```text\n<<<<<<< SEARCH\nTwo\n=======\nTooooo\n\n\noops!\n>>>>>>> REPLACE\n");

        assertTrue(why.contains("The SEARCH block at line 4 has no path line before it"), why);
    }

    @Test
    void anUnclosedBlockIsRefused() {
        String why = why("Here's the change:\n\n```text\nprogram/p/notes.txt\n<<<<<<< SEARCH\nTwo\n=======\nTooooo\n\n\noops!\n");

        assertTrue(why.contains("has no >>>>>>> REPLACE line to end it"), why);
    }

    @Test
    void theLastBlockMayEndTheReplyWithoutALineEnd() {
        String reply = "program/p/notes.txt\n<<<<<<< SEARCH\nOne\n=======\n1\n>>>>>>> REPLACE\n\nprogram/p/notes.txt\n"
                + "<<<<<<< SEARCH\nThree\n=======\n3\n>>>>>>> REPLACE";

        assertEquals("1\nTwo\n3\n", applied(reply).get(NOTES));
    }

    @Test
    void aPathInAFenceOfItsOwnNamesTheNextBlock() {
        String reply = "Here's the change:\n\n ```python\nprogram/p/notes.txt\n```\n```python\n<<<<<<< SEARCH\nOne\n=======\n"
                + "Two\n>>>>>>> REPLACE\n```\n\nHope you like it!\n";

        assertEquals(List.of(new Edit.Replace(NOTES, "One\n", "Two\n")), edits(reply));
    }

    @Test
    void anEmptySearchCreatesANewFile() {
        String reply = "Here's the change:\n\nprogram/p/a/file2.txt\n```python\n<<<<<<< SEARCH\n=======\nthree\n>>>>>>> REPLACE\n"
                + "```\n\nanother change\n\nprogram/p/notes.txt\n```python\n<<<<<<< SEARCH\nOne\n=======\nTwo\n"
                + ">>>>>>> REPLACE\n```\n";

        assertEquals(List.of(new Edit.Replace("program/p/a/file2.txt", "", "three\n"), new Edit.Replace(NOTES, "One\n", "Two\n")),
                edits(reply));
        Map<String, String> files = applied(reply);
        assertEquals("three\n", files.get("program/p/a/file2.txt"));
        assertEquals("Two\nTwo\nThree\n", files.get(NOTES));
    }

    @Test
    void aBlankSearchIsAnEmptySearch() {
        assertEquals(List.of(new Edit.Replace("program/p/New.java", "", "class New {}\n")),
                edits("program/p/New.java\n<<<<<<< SEARCH\n\n=======\nclass New {}\n>>>>>>> REPLACE\n"));
    }

    @Test
    void anEmptySearchForAFileThatExistsIsRefused() {
        EditFailure failure = failure("program/p/notes.txt\n<<<<<<< SEARCH\n=======\nFour\n>>>>>>> REPLACE\n");

        assertInstanceOf(Problem.FileExists.class, failure.problem());
    }

    @Test
    void quadrupleBackticksAroundABlockWithTriplesInside() {
        String reply = """
                Here's the change:

                program/p/README.md
                ````markdown
                <<<<<<< SEARCH
                =======
                Run it:
                ```
                ./darwin run
                ```
                >>>>>>> REPLACE
                ````

                Hope you like it!
                """;

        assertEquals(List.of(new Edit.Replace("program/p/README.md", "", "Run it:\n```\n./darwin run\n```\n")), edits(reply));
    }

    @Test
    void aLanguageTagOnTheFenceIsNoPath() {
        String reply = "Here's a shell script:\n\n```sh\nprogram/p/hello.sh\n<<<<<<< SEARCH\n=======\n#!/bin/bash\necho \"$1\"\n"
                + ">>>>>>> REPLACE\n```\n";

        assertEquals(List.of(new Edit.Replace("program/p/hello.sh", "", "#!/bin/bash\necho \"$1\"\n")), edits(reply));
    }

    @ParameterizedTest
    @ValueSource(strings = {"# program/p/notes.txt", "**program/p/notes.txt**", "`program/p/notes.txt`:",
            "File: program/p/notes.txt", "./program/p/notes.txt", "### `program/p/notes.txt`",
            "In `program/p/notes.txt`, change the second line:", "Then in program/p/notes.txt, the second line.",
            "```text program/p/notes.txt", "```program/p/notes.txt"})
    void aDecoratedPathLineNamesTheFile(String pathLine) {
        String reply = pathLine + "\n<<<<<<< SEARCH\nTwo\n=======\n2\n>>>>>>> REPLACE\n" + (pathLine.startsWith("```") ? "```\n" : "");

        assertEquals(List.of(new Edit.Replace(NOTES, "Two\n", "2\n")), edits(reply));
    }

    @Test
    void aFullEditChangesOneLine() {
        assertEquals("One\nnew\nThree\n", applied("Do this:\n\nprogram/p/notes.txt\n<<<<<<< SEARCH\nTwo\n=======\nnew\n"
                + ">>>>>>> REPLACE\n\n").get(NOTES));
    }

    @Test
    void aSearchOfTheWholeFileReplacesIt() {
        String reply = "program/p/notes.txt\n<<<<<<< SEARCH\nOne\nTwo\nThree\n=======\nA\nB\n>>>>>>> REPLACE\n";

        assertEquals("A\nB\n", applied(reply).get(NOTES));
    }

    @Test
    void aFileBlockRewritesTheWholeFile() {
        assertEquals("A\nB\n", applied("program/p/notes.txt\n<<<<<<< FILE\nA\nB\n>>>>>>> FILE\n").get(NOTES));
    }

    @Test
    void whitespaceOnlyDifferencesStillApply() {
        String reply = "program/p/Main.java\n<<<<<<< SEARCH\nstatic  int   warmup = 100;\n=======\nstatic int warmup = 20;\n"
                + ">>>>>>> REPLACE\n";

        EditResult result = new EditApplier().apply(TARGET, edits(reply));
        Applied applied = assertInstanceOf(Applied.class, result, () -> ((Failed) result).describe());
        assertEquals(MAIN_SOURCE.replace("100", "20"), applied.variant().files().get(MAIN));
        assertEquals(MatchStrategy.WHITESPACE, applied.reports().getFirst().strategy());
    }

    @Test
    void aSearchFoundTwiceIsRefusedAsAmbiguous() {
        Variant twice = Variant.seed("p.Main", Map.of(NOTES, "line1\nline2\nline1\nline3\n"));
        List<Edit> edits = edits("program/p/notes.txt\n<<<<<<< SEARCH\nline1\n=======\nnew_line\n>>>>>>> REPLACE\n");

        Failed failed = assertInstanceOf(Failed.class, new EditApplier().apply(twice, edits));

        Problem.Repeated repeated = assertInstanceOf(Problem.Repeated.class, failed.failures().getFirst().problem());
        assertEquals(MatchStrategy.EXACT, repeated.strategy());
        assertTrue(failed.describe().contains("found 2 times, at lines 1 and 3"), failed.describe());
    }
}
