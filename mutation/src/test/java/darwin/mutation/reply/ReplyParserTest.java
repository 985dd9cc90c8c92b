package darwin.mutation.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Change;
import darwin.core.Edit;
import darwin.core.RequestKind;
import darwin.core.UpgradeRequest;
import darwin.mutation.reply.ParseResult.Parsed;
import darwin.mutation.reply.ParseResult.Unparsable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyParserTest {

    private static final String CLEAN_JSON = """
            {
              "reasoning": "A warm-up of 100 steps wastes a twentieth of a 2000-step budget.",
              "summary": "Shorter warm-up",
              "tags": ["Schedule", "optimizer"],
              "edits": [
                {"path": "program/p/Main.java", "search": "    static int warmup = 100;\\n", "replace": "    static int warmup = 20;\\n"},
                {"path": "program/p/New.java", "content": "package p;\\n\\nclass New {\\n}\\n"}
              ],
              "request": null
            }
            """;

    private static Change parsed(String reply, ReplyForm form) {
        ParseResult result = ReplyParser.parse(reply);
        Parsed parsed = assertInstanceOf(Parsed.class, result, () -> "unparsable: " + ((Unparsable) result).why());
        assertEquals(form, parsed.form());
        return parsed.change();
    }

    private static String why(String reply) {
        return assertInstanceOf(Unparsable.class, ReplyParser.parse(reply)).why();
    }

    @Test
    void readsACleanJsonReply() {
        Change change = parsed(CLEAN_JSON, ReplyForm.JSON);

        assertEquals("A warm-up of 100 steps wastes a twentieth of a 2000-step budget.", change.reasoning());
        assertEquals("Shorter warm-up", change.summary());
        assertEquals(List.of("schedule", "optimizer"), change.tags());
        assertEquals(List.of(
                new Edit.Replace("program/p/Main.java", "    static int warmup = 100;\n", "    static int warmup = 20;\n"),
                new Edit.Write("program/p/New.java", "package p;\n\nclass New {\n}\n")), change.edits());
        assertTrue(change.request().isEmpty());
    }

    @Test
    void findsJsonInAFenceWithProseAround() {
        String reply = "Here is my proposal; the schedule {as written} is too slow to start.\n\n```json\n" + CLEAN_JSON
                + "```\n\nLet me know if the {braces} above are a problem.";

        Change change = parsed(reply, ReplyForm.EMBEDDED_JSON);

        assertEquals("Shorter warm-up", change.summary());
        assertEquals(2, change.edits().size());
    }

    @Test
    void findsTheOutermostJsonObjectAmidProseWithoutAFence() {
        String reply = "I considered {\"x\": 1} first, then settled on this: " + CLEAN_JSON + " That is all.";

        Change change = parsed(reply, ReplyForm.EMBEDDED_JSON);

        assertEquals(2, change.edits().size());
        assertEquals(List.of("schedule", "optimizer"), change.tags());
    }

    @Test
    void readsTheTextFormWithTwoSearchBlocksAndAFileBlock() {
        String reply = """
                REASONING: The warm-up is long for the budget,
                and the learning rate can be higher with it shorter.
                SUMMARY: Shorter warm-up, higher learning rate
                TAGS: schedule, Optimizer
                REQUEST: none

                program/p/Main.java
                <<<<<<< SEARCH
                    static int warmup = 100;
                =======
                    static int warmup = 20;
                >>>>>>> REPLACE

                Then the rate:

                `program/p/Main.java`
                ```java
                <<<<<<< SEARCH
                    static double lr = 6e-4;
                =======
                    static double lr = 1e-3;
                >>>>>>> REPLACE
                ```

                File: program/p/Schedules.java
                <<<<<<< FILE
                package p;

                final class Schedules {
                }
                >>>>>>> FILE
                """;

        Change change = parsed(reply, ReplyForm.TEXT);

        assertEquals("The warm-up is long for the budget,\nand the learning rate can be higher with it shorter.",
                change.reasoning());
        assertEquals("Shorter warm-up, higher learning rate", change.summary());
        assertEquals(List.of("schedule", "optimizer"), change.tags());
        assertEquals(List.of(
                new Edit.Replace("program/p/Main.java", "    static int warmup = 100;\n", "    static int warmup = 20;\n"),
                new Edit.Replace("program/p/Main.java", "    static double lr = 6e-4;\n", "    static double lr = 1e-3;\n"),
                new Edit.Write("program/p/Schedules.java", "package p;\n\nfinal class Schedules {\n}\n")), change.edits());
        assertTrue(change.request().isEmpty());
    }

    @Test
    void keepsFencesAroundBlocksOutOfTheSections() {
        String reply = "REASONING: shorter warm-up\n```\nprogram/p/Main.java\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n```\n";

        Change change = parsed(reply, ReplyForm.TEXT);

        assertEquals("shorter warm-up", change.reasoning());
        assertEquals(List.of(new Edit.Replace("program/p/Main.java", "a\n", "b\n")), change.edits());
    }

    @Test
    void toleratesOneEditObjectAndAnEmptyRequest() {
        Change change = parsed("{\"summary\": \"s\", \"edits\": {\"path\": \"./program/p/A.java\", \"content\": \"x\"},"
                + " \"request\": {}}", ReplyForm.JSON);

        assertEquals(List.of(new Edit.Write("program/p/A.java", "x")), change.edits());
        assertTrue(change.request().isEmpty());
    }

    @Test
    void readsARequestWithItsKindInTheJsonForm() {
        String reply = """
                {"reasoning": "Sixteen thousand steps would show whether the trend holds.", "summary": "More time",
                 "tags": [], "edits": [],
                 "request": {"kind": "budget", "title": "Double the budget", "rationale": "the loss still falls",
                             "payload": 600}}
                """;

        Change change = parsed(reply, ReplyForm.JSON);

        assertEquals(new UpgradeRequest(RequestKind.BUDGET, "Double the budget", "the loss still falls", "600"),
                change.request().orElseThrow());
        assertTrue(change.edits().isEmpty());
    }

    @Test
    void readsARequestWithItsKindInTheTextForm() {
        String reply = """
                REASONING: Rotary embeddings need a helper the program lacks.
                SUMMARY: Ask for a library
                TAGS: architecture
                REQUEST:
                ```json
                {"kind": "file-structure", "title": "A layers/ folder", "rationale": "one file per block", "payload": "program/p/layers/"}
                ```
                program/p/Main.java
                <<<<<<< SEARCH
                    static int warmup = 100;
                =======
                    static int warmup = 50;
                >>>>>>> REPLACE
                """;

        Change change = parsed(reply, ReplyForm.TEXT);

        UpgradeRequest request = change.request().orElseThrow();
        assertEquals(RequestKind.FILE_STRUCTURE, request.kind());
        assertEquals("A layers/ folder", request.title());
        assertEquals("program/p/layers/", request.payload());
        assertEquals(1, change.edits().size());
    }

    @Test
    void reportsWhereMalformedJsonBreaks() {
        String reply = """
                {
                  "reasoning": "x",
                  "summary": "y",
                  "tags": ["a",],
                  "edits": []
                }
                """;

        String why = why(reply);

        assertTrue(why.contains("line 4, column 16"), why);
        assertTrue(why.contains("\"tags\": [\"a\",],"), why);
        assertEquals(ReplyForm.JSON, ReplyParser.parse(reply).form());
    }

    @Test
    void reportsAJsonReplyCutOffBeforeItCloses() {
        String why = why("```json\n{\"summary\": \"s\", \"edits\": [{\"path\": \"program/p/Main.java\", \"search\": \"a\"");

        assertTrue(why.contains("line 2"), why);
        assertTrue(why.contains("ends before the object closes"), why);
    }

    @Test
    void refusesAJsonReplyWithoutEditsOrRequest() {
        String why = why("{\"reasoning\": \"nothing to do\", \"summary\": \"none\", \"tags\": [], \"edits\": [], \"request\": null}");

        assertTrue(why.contains("no edits and no request"), why);
    }

    @Test
    void refusesATextReplyWithoutEditsOrRequest() {
        String why = why("REASONING: the program is fine\nSUMMARY: no change\nTAGS: none\nREQUEST: none\n");

        assertTrue(why.contains("no edits and no request"), why);
        assertTrue(why.contains("<<<<<<< SEARCH"), why);
    }

    @Test
    void namesTheAllowedKindsForAnUnknownRequestKind() {
        String why = why("{\"summary\": \"s\", \"edits\": [], \"request\": {\"kind\": \"GPU\", \"title\": \"A bigger GPU\"}}");

        assertTrue(why.contains("`GPU`"), why);
        assertTrue(why.contains("DATASET, SCRIPT, FILE_STRUCTURE, LIBRARY, BUDGET"), why);
    }

    @Test
    void refusesASearchBlockWithoutItsReplaceEnd() {
        String reply = """
                SUMMARY: s
                program/p/Main.java
                <<<<<<< SEARCH
                    static int warmup = 100;
                =======
                    static int warmup = 20;
                """;

        String why = why(reply);

        assertTrue(why.contains("The SEARCH block for program/p/Main.java that starts at line 3"), why);
        assertTrue(why.contains("no >>>>>>> REPLACE line"), why);
    }

    @Test
    void refusesASearchBlockThatRunsIntoTheNextBlock() {
        String reply = "program/p/A.java\n<<<<<<< SEARCH\na\n=======\nb\nprogram/p/B.java\n<<<<<<< SEARCH\nc\n=======\nd\n"
                + ">>>>>>> REPLACE\n";

        String why = why(reply);

        assertTrue(why.contains("program/p/A.java that starts at line 2 has no >>>>>>> REPLACE line to end it before the"
                + " next block opens at line 7"), why);
    }

    @Test
    void refusesAnEditWithAnEmptyPath() {
        assertTrue(why("{\"summary\": \"s\", \"edits\": [{\"path\": \"\", \"content\": \"x\"}]}").contains("Edit 1 has an empty path"));
        assertTrue(why("SUMMARY: s\n\n<<<<<<< FILE\nx\n>>>>>>> FILE\n").contains("The FILE block at line 3 has no path line"));
    }

    @Test
    void refusesAPathThatLeavesTheVariant() {
        String why = why("{\"summary\": \"s\", \"edits\": [{\"path\": \"program/../../etc/passwd\", \"content\": \"x\"}]}");

        assertTrue(why.contains("Edit 1's path `program/../../etc/passwd` is not usable"), why);
    }

    @Test
    void refusesASearchWithoutReplace() {
        String why = why("{\"summary\": \"s\", \"edits\": [{\"path\": \"program/p/Main.java\", \"search\": \"a\"}]}");

        assertTrue(why.contains("Edit 1 (program/p/Main.java) has \"search\" but no \"replace\""), why);
    }

    @Test
    void readsWindowsLineEndsAsNewlines() {
        Change change = parsed("SUMMARY: s\r\nprogram/p/Main.java\r\n<<<<<<< SEARCH\r\na\r\n=======\r\nb\r\n>>>>>>> REPLACE\r\n",
                ReplyForm.TEXT);

        assertEquals(List.of(new Edit.Replace("program/p/Main.java", "a\n", "b\n")), change.edits());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "}", "{}", "[1, 2]", "<<<<<<< SEARCH", ">>>>>>> REPLACE", "=======",
            "REQUEST: {\"kind\": ", "SUMMARY:", "program/p/A.java\n<<<<<<< FILE\n", "```json\n```", "{\"edits\": 3}",
            "{\"edits\": [1]}", "{\"edits\": [{\"path\": 1}]}", "{\"request\": \"please\"}", "just prose, nothing else"})
    void neverThrowsForABadReply(String reply) {
        assertInstanceOf(Unparsable.class, ReplyParser.parse(reply));
    }
}
