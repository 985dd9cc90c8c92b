package darwin.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Variant;
import darwin.mutation.prompt.Tokens;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepairsTest {

    private static final String PROMPT = "## Task\n\nImprove the program.\n";
    private static final int BUDGET = 2_000;
    private static final Variant TARGET = Variant.seed("p.Main", Map.of(
            "program/p/Main.java", "package p;\npublic class Main {}\n",
            "program/p/Model.java", "package p;\nclass Model { int width = 128; }\n"));

    private final Repairs repairs = new Repairs(PROMPT, BUDGET, 2);

    @Test
    void repairRoundsForTheSameMistakeSendDifferentMessages() {
        Repairs.Again same = new Repairs.Again("I would raise the learning rate.", "Your reply could not be read: no JSON",
                Optional.empty());
        String first = repairs.message(1, List.of("no JSON"), same);
        String second = repairs.message(2, List.of("no JSON", "no JSON"), same);

        assertNotEquals(first, second);
        assertTrue(first.startsWith(PROMPT));
        assertTrue(first.contains("## Repair round 1 of 2") && first.contains("- your first reply: no JSON"), first);
        assertFalse(first.contains("last round"), first);
        assertTrue(second.contains("## Repair round 2 of 2") && second.contains("- repair round 1: no JSON"), second);
        assertTrue(second.contains("This is the last round"), second);
        assertTrue(second.contains("Nothing of that reply was applied"), second);
    }

    @Test
    void theHistoryGivesEachEarlierRoundOneShortLine() {
        String message = repairs.message(1, List.of("The edit could not be applied:\n  edit 1: " + "y".repeat(500)),
                new Repairs.Again("reply", "problem", Optional.empty()));
        String line = message.lines().filter(l -> l.startsWith("- your first reply: ")).findFirst().orElseThrow();
        assertTrue(line.startsWith("- your first reply: The edit could not be applied: edit 1: yyy"), line);
        assertTrue(line.length() < 200, line);
    }

    @Test
    void aMegabyteReplyIsClippedToTheRepairBudgetKeepingItsHeadAndTail() {
        String reply = "HEAD of the reply " + "z".repeat(1 << 20) + " TAIL of the reply";
        String message = repairs.message(1, List.of("no JSON"), new Repairs.Again(reply, "no JSON", Optional.empty()));

        String section = message.substring(PROMPT.length());
        assertTrue(Tokens.estimate(section) <= BUDGET, "the section has " + Tokens.estimate(section) + " tokens");
        assertTrue(section.contains("HEAD of the reply") && section.contains("TAIL of the reply"), "head and tail kept");
        assertTrue(section.matches("(?s).*\\[… [\\d,]+ characters cut …].*"), "the cut is marked");
        assertTrue(section.contains("no JSON"), "the problem is whole: it is short");
    }

    @Test
    void compileDiagnosticsAndEditedFilesAreBoundedLikewise() {
        String huge = "package p;\n" + "// filler line of the edited model\n".repeat(20_000) + "class Model { int width = 256 }\n";
        Variant edited = TARGET.derive(Map.of("program/p/Model.java", huge));
        String diagnostics = "program/p/Model.java:20002: error: ';' expected\n" + "  more context\n".repeat(50_000);
        String reply = "{\"edits\": []}";
        String message = repairs.message(1, List.of("1 compile error"),
                new Repairs.Fix(reply, new Repairs.Applied(TARGET, edited, diagnostics)));

        String section = message.substring(PROMPT.length());
        assertTrue(Tokens.estimate(section) <= BUDGET, "the section has " + Tokens.estimate(section) + " tokens");
        assertTrue(section.contains("### program/p/Model.java"), section);
        assertFalse(section.contains("### program/p/Main.java"), "an unchanged file is not shown again");
        assertTrue(section.contains("program/p/Model.java:20002: error: ';' expected"), "the diagnostics' head");
        assertTrue(section.contains("class Model { int width = 256 }"), "the file's tail");
        assertEquals(2, section.split("characters cut", -1).length - 1, "the diagnostics and the file are each cut");
        assertTrue(section.contains(reply), "a short reply is whole");
    }

    @Test
    void editsThatDidNotApplyOnTopOfAppliedOnesShowTheFilesAsTheyAre() {
        Variant edited = TARGET.derive(Map.of("program/p/Model.java", "package p;\nclass Model { int width = 256 }\n"));
        String message = repairs.message(2, List.of("1 compile error", "SEARCH text not found"),
                new Repairs.Again("{}", "SEARCH text not found", Optional.of(new Repairs.Applied(TARGET, edited,
                        "Model.java:2: error: ';' expected"))));
        assertTrue(message.contains("Your edits of earlier rounds stay applied"), message);
        assertTrue(message.contains("int width = 256 }") && message.contains("';' expected"), message);
        assertEquals(1, message.split("## Repair round", -1).length - 1, "one repair section, not one per round");
    }

    @Test
    void aRoundOutsideTheProposalsIsRefused() {
        Repairs.Again again = new Repairs.Again("r", "p", Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> repairs.message(3, List.of("a", "b", "c"), again));
        assertThrows(IllegalArgumentException.class, () -> repairs.message(2, List.of("a"), again));
        assertThrows(IllegalArgumentException.class, () -> new Repairs(PROMPT, 10, 2));
    }
}
