package darwin.mutation.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Change;
import darwin.core.Edit;
import darwin.core.RequestKind;
import darwin.core.UpgradeRequest;
import darwin.mutation.reply.ParseResult.Parsed;
import darwin.mutation.reply.ParseResult.Refused;
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

    @Test
    void aDuplicateEditsKeyNoLongerDropsTheFirstEditsSilently() {
        String reply = """
                {
                  "reasoning": "Two changes.",
                  "summary": "warm-up and rate",
                  "edits": [{"path": "program/p/Main.java", "search": "a", "replace": "b"}],
                  "edits": [{"path": "program/p/Main.java", "search": "c", "replace": "d"}]
                }
                """;

        Unparsable unparsable = assertInstanceOf(Unparsable.class, ReplyParser.parse(reply));

        assertEquals(ReplyForm.JSON, unparsable.form());
        assertTrue(unparsable.why().startsWith("The reply's JSON is malformed at line 5, column 3: the field \"edits\" is"
                + " given twice in one object (first at line 4, column 3)"), unparsable.why());
        assertTrue(unparsable.why().contains("    \"edits\": [{\"path\": \"program/p/Main.java\", \"search\": \"c\""),
                unparsable.why());
        assertTrue(unparsable.why().contains("every edit goes in the one \"edits\" array"), unparsable.why());
    }

    @Test
    void aDuplicateKeyDeepInsideAnEditIsUnparsable() {
        String why = why("{\"summary\": \"s\", \"edits\": [{\"path\": \"program/p/A.java\", \"search\": \"a\",\n"
                + "  \"replace\": \"b\", \"replace\": \"c\"}]}");

        assertTrue(why.contains("line 2, column 19: the field \"replace\" is given twice in one object (first at line 2,"
                + " column 3)"), why);
    }

    @Test
    void aDuplicateKeyInARequestsPayloadIsUnparsable() {
        String why = why("{\"summary\": \"s\", \"edits\": [], \"request\": {\"kind\": \"budget\", \"title\": \"t\","
                + " \"payload\": {\"seconds\": 60, \"seconds\": 600}}}");

        assertTrue(why.contains("the field \"seconds\" is given twice"), why);
    }

    @Test
    void aDuplicateKeyInAFencedObjectOrAmidProseIsUnparsable() {
        String object = "{\"summary\": \"a\", \"summary\": \"b\", \"edits\": [{\"path\": \"program/p/A.java\", \"content\": \"x\"}]}";

        String fenced = why("Here it is:\n```json\n" + object + "\n```\n");
        String amidProse = why("Here it is: " + object + " Done.");

        assertTrue(fenced.contains("line 3, column 18: the field \"summary\" is given twice"), fenced);
        assertTrue(amidProse.contains("line 1, column 30: the field \"summary\" is given twice"), amidProse);
    }

    @Test
    void aDuplicateKeyInTheTextFormsRequestIsUnparsable() {
        String why = why("SUMMARY: s\nREQUEST: {\"kind\": \"budget\", \"kind\": \"dataset\", \"title\": \"t\"}\n"
                + "program/p/A.java\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n");

        assertTrue(why.contains("line 2, column 29: the field \"kind\" is given twice"), why);
    }

    @Test
    void namesThatDifferOnlyInCaseAreOneFieldGivenTwice() {
        String why = why("{\"summary\": \"s\", \"Edits\": [{\"path\": \"program/p/A.java\", \"content\": \"x\"}],"
                + " \"edits\": []}");

        assertTrue(why.contains("In the reply, \"Edits\" and \"edits\" are the same field given twice"), why);
    }

    @Test
    void equalValuesUnderDistinctNamesStillParse() {
        Change change = parsed("{\"summary\": \"s\", \"edits\": [{\"path\": \"program/p/A.java\", \"content\": \"x\"},"
                + " {\"path\": \"program/p/A.java\", \"content\": \"x\"}]}", ReplyForm.JSON);

        assertEquals(2, change.edits().size(), "the same names in two objects are no duplicate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"I'm sorry, but I can't help with that.", "I\u2019m sorry, but I can\u2019t assist with that request.",
            "Sorry, I cannot comply.", "I apologize, but I won't be able to help with this.",
            "Unfortunately, I am unable to fulfil this request.", "I can't help with that.",
            "I cannot assist with your request. If you have other questions, feel free to ask.", "I must decline.",
            "  I'm sorry — I can't do that.\n"})
    void aShortReplyWithoutAChangeThatRefusesIsARefusal(String reply) {
        Refused refused = assertInstanceOf(Refused.class, ReplyParser.parse(reply));

        assertEquals(reply.strip(), refused.refusal());
        assertEquals(ReplyForm.UNRECOGNISED, refused.form());
        assertTrue(refused.why().startsWith("the model refused: "), refused.why());
    }

    @ParameterizedTest
    @ValueSource(strings = {"I would raise the learning rate.", "Sorry for the delay: raise the learning rate to 2e-3.",
            "I can't see GptConfig.java in the prompt; please include it.", "Unfortunately the warm-up is too long.",
            "Sure! I can't wait to help with that. Raise the learning rate."})
    void aReplyWithoutAChangeThatDoesNotRefuseIsUnparsable(String reply) {
        assertInstanceOf(Unparsable.class, ReplyParser.parse(reply));
    }

    @Test
    void aLongReplyIsNoRefusalHoweverItOpens() {
        String reply = "I'm sorry, but I can't help with that. " + "Here is why, at length. ".repeat(25);

        assertTrue(reply.strip().length() > 500);
        assertInstanceOf(Unparsable.class, ReplyParser.parse(reply));
    }

    @Test
    void aReplyWithAChangeInItIsNeverARefusal() {
        Change text = parsed("I'm sorry, but I can't help with the schedule; here is a smaller change.\nprogram/p/A.java\n"
                + "<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n", ReplyForm.TEXT);
        Change json = parsed("{\"reasoning\": \"I'm sorry, but I can't help with that.\", \"summary\": \"s\","
                + " \"edits\": [{\"path\": \"program/p/A.java\", \"content\": \"x\"}]}", ReplyForm.JSON);

        assertEquals(1, text.edits().size());
        assertEquals(1, json.edits().size());
        assertInstanceOf(Unparsable.class, ReplyParser.parse("I'm sorry, but I can't help with that. {\"edits\": 3}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "}", "{}", "[1, 2]", "<<<<<<< SEARCH", ">>>>>>> REPLACE", "=======",
            "REQUEST: {\"kind\": ", "SUMMARY:", "program/p/A.java\n<<<<<<< FILE\n", "```json\n```", "{\"edits\": 3}",
            "{\"edits\": [1]}", "{\"edits\": [{\"path\": 1}]}", "{\"request\": \"please\"}", "just prose, nothing else"})
    void neverThrowsForABadReply(String reply) {
        assertInstanceOf(Unparsable.class, ReplyParser.parse(reply));
    }
}
