package darwin.population.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.core.RequestKind;
import darwin.core.UpgradeRequest;
import darwin.memory.Request;
import darwin.memory.RequestStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpgradeReaderTest {

    static Request approved(RequestKind kind, String payload, String with) {
        Request asked = Request.asked("r1", "g1-s0", 1, "agent-1", new UpgradeRequest(kind, "t", "", payload), Instant.EPOCH);
        return asked.decided(RequestStatus.APPROVED, new Request.Decision("ada", Instant.EPOCH, "", with));
    }

    static String reason(RequestKind kind, String payload, Budget current) {
        return assertThrows(UpgradeException.class, () -> UpgradeReader.read(approved(kind, payload, ""), current)).getMessage();
    }

    @Test
    void aBudgetRisesInTheRunsOwnUnit() throws Exception {
        Budget seconds = Budget.seconds(30);
        for (String form : new String[] {"45", "45 s", "45s", "45 seconds", " 45.0 ", "seconds-45.0"}) {
            var raised = assertInstanceOf(Upgrade.Budgeted.class, UpgradeReader.read(approved(RequestKind.BUDGET, form, ""), seconds));
            assertEquals(Budget.seconds(45), raised.budget(), form);
        }
        assertEquals(Budget.steps(3000), ((Upgrade.Budgeted) UpgradeReader.read(approved(RequestKind.BUDGET, "999", "3000 steps"),
                Budget.steps(2000))).budget(), "the person's value wins over the agent's");
        assertTrue(reason(RequestKind.BUDGET, "20", seconds).contains("only rises"));
        assertTrue(reason(RequestKind.BUDGET, "3000 steps", seconds).contains("incomparable"));
        assertTrue(reason(RequestKind.BUDGET, "2500.5", Budget.steps(2000)).contains("whole number"));
        assertTrue(reason(RequestKind.BUDGET, "twice as long", seconds).contains("is not a budget"));
    }

    @Test
    void aScriptLandsWhereItsPathLineOrItsPackageSays() throws Exception {
        var byPackage = (Upgrade.ProgramChange) UpgradeReader.read(approved(RequestKind.SCRIPT,
                "package darwin.program;\n\npublic final class Schedule {}\n", ""), Budget.seconds(5));
        assertEquals(Set.of("program/darwin/program/Schedule.java"), byPackage.writes().keySet());
        var byLine = (Upgrade.ProgramChange) UpgradeReader.read(approved(RequestKind.SCRIPT,
                "// path: notes/warmup.txt\nlinear for 100 steps\n", ""), Budget.seconds(5));
        assertEquals(Map.of("program/notes/warmup.txt", "linear for 100 steps\n"), byLine.writes());
        assertTrue(reason(RequestKind.SCRIPT, "just some words", Budget.seconds(5)).contains("path: program/"));
        assertTrue(reason(RequestKind.SCRIPT, "path: ../escape.txt\nx", Budget.seconds(5)).contains(".."));
    }

    @Test
    void aLayoutIsReadAndCheckedPartByPart() throws Exception {
        var layout = (Upgrade.ProgramChange) UpgradeReader.read(approved(RequestKind.FILE_STRUCTURE,
                "{\"move\": {\"program/a/X.java\": \"b/X.java\"}, \"delete\": [\"program/a/Y.java\"], \"entry\": \"b.X\"}", ""),
                Budget.seconds(5));
        assertEquals(Map.of("program/a/X.java", "program/b/X.java"), layout.moves());
        assertEquals(Set.of("program/a/Y.java"), layout.deletes());
        assertEquals("b.X", layout.entry().orElseThrow());
        assertTrue(reason(RequestKind.FILE_STRUCTURE, "move X to Y", Budget.seconds(5)).contains("not JSON"));
        assertTrue(reason(RequestKind.FILE_STRUCTURE, "{\"rename\": {}}", Budget.seconds(5)).contains("unknown part"));
        assertTrue(reason(RequestKind.FILE_STRUCTURE, "{}", Budget.seconds(5)).contains("nothing"));
    }
}
