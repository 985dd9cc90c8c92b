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

    static final UpgradeReader READER = new UpgradeReader(new ListedResources());

    static Request approved(RequestKind kind, String payload, String with) {
        Request asked = Request.asked("r1", "g1-s0", 1, "agent-1", new UpgradeRequest(kind, "t", "", payload), Instant.EPOCH);
        return asked.decided(RequestStatus.APPROVED, new Request.Decision("ada", Instant.EPOCH, "", with));
    }

    static String reason(RequestKind kind, String payload, Budget current) {
        return assertThrows(UpgradeException.class, () -> READER.read(approved(kind, payload, ""), current)).getMessage();
    }

    @Test
    void aBudgetRisesInTheRunsOwnUnit() throws Exception {
        Budget seconds = Budget.seconds(30);
        for (String form : new String[] {"45", "45 s", "45s", "45 seconds", " 45.0 ", "seconds-45.0"}) {
            var raised = assertInstanceOf(Upgrade.Budgeted.class, READER.read(approved(RequestKind.BUDGET, form, ""), seconds));
            assertEquals(Budget.seconds(45), raised.budget(), form);
        }
        assertEquals(Budget.steps(3000), ((Upgrade.Budgeted) READER.read(approved(RequestKind.BUDGET, "999", "3000 steps"),
                Budget.steps(2000))).budget(), "the person's value wins over the agent's");
        assertTrue(reason(RequestKind.BUDGET, "20", seconds).contains("only rises"));
        assertTrue(reason(RequestKind.BUDGET, "3000 steps", seconds).contains("incomparable"));
        assertTrue(reason(RequestKind.BUDGET, "2500.5", Budget.steps(2000)).contains("whole number"));
        assertTrue(reason(RequestKind.BUDGET, "twice as long", seconds).contains("is not a budget"));
    }

    @Test
    void aTokenFlopsOrEqualTimeBudgetRisesInItsOwnUnit() throws Exception {
        Budget tokens = Budget.tokens(3000);
        for (String form : new String[] {"4000", "4000 tokens", "4000 token", "tokens-4000", "4e3 tokens"}) {
            assertEquals(Budget.tokens(4000), raised(form, tokens), form);
        }
        assertTrue(reason(RequestKind.BUDGET, "3500.5 tokens", tokens).contains("whole number"));
        assertTrue(reason(RequestKind.BUDGET, "2000", tokens).contains("only rises"));
        assertTrue(reason(RequestKind.BUDGET, "4000 steps", tokens).contains("incomparable"));

        Budget flops = Budget.flops(1e15);
        for (String form : new String[] {"2e15", "2e15 flops", "2E+15 FLOPs", "2000000000000000", "flops-2.0E15"}) {
            assertEquals(Budget.flops(2e15), raised(form, flops), form);
        }
        assertTrue(reason(RequestKind.BUDGET, "5e14", flops).contains("only rises"));
        assertTrue(reason(RequestKind.BUDGET, "60 s", flops).contains("incomparable"));

        Budget equalTime = Budget.equalTime(30);
        for (String form : new String[] {"60", "60 s", "60 seconds", "equal-time-60.0"}) {
            assertEquals(Budget.equalTime(60), raised(form, equalTime), form);
        }
        assertTrue(reason(RequestKind.BUDGET, "seconds-60.0", equalTime).contains("incomparable"),
                "a wall-clock budget is another kind than equal time");
        assertTrue(reason(RequestKind.BUDGET, "equal-time-60.0", Budget.seconds(30)).contains("incomparable"));
        assertTrue(reason(RequestKind.BUDGET, "1e6 tokens", equalTime).contains("incomparable"));
        assertTrue(reason(RequestKind.BUDGET, "20", equalTime).contains("only rises"));
    }

    private static Budget raised(String form, Budget current) throws UpgradeException {
        return assertInstanceOf(Upgrade.Budgeted.class, READER.read(approved(RequestKind.BUDGET, form, ""), current)).budget();
    }

    @Test
    void aScriptLandsWhereItsPathLineOrItsPackageSays() throws Exception {
        var byPackage = (Upgrade.ProgramChange) READER.read(approved(RequestKind.SCRIPT,
                "package darwin.program;\n\npublic final class Schedule {}\n", ""), Budget.seconds(5));
        assertEquals(Set.of("program/darwin/program/Schedule.java"), byPackage.writes().keySet());
        var byLine = (Upgrade.ProgramChange) READER.read(approved(RequestKind.SCRIPT,
                "// path: notes/warmup.txt\nlinear for 100 steps\n", ""), Budget.seconds(5));
        assertEquals(Map.of("program/notes/warmup.txt", "linear for 100 steps\n"), byLine.writes());
        assertTrue(reason(RequestKind.SCRIPT, "just some words", Budget.seconds(5)).contains("path: program/"));
        assertTrue(reason(RequestKind.SCRIPT, "path: ../escape.txt\nx", Budget.seconds(5)).contains(".."));
    }

    @Test
    void aLayoutIsReadAndCheckedPartByPart() throws Exception {
        var layout = (Upgrade.ProgramChange) READER.read(approved(RequestKind.FILE_STRUCTURE,
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
