package darwin.population.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Budget;
import darwin.core.RequestKind;
import darwin.core.Variant;
import darwin.trainer.build.SourceCompiler;
import darwin.trainer.build.VariantCompileCheck;
import darwin.trainer.variant.SeedVariant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpgraderTest {

    private static final Upgrader UPGRADER = new Upgrader(new VariantCompileCheck(SourceCompiler.forRunningJvm()),
            new ListedResources());
    private static final Variant SEED = SeedVariant.variant();

    private static Upgrade read(RequestKind kind, String payload) throws UpgradeException {
        return UpgradeReaderTest.READER.read(UpgradeReaderTest.approved(kind, payload, ""), Budget.seconds(5));
    }

    @Test
    void aScriptJoinsTheProgramAsAChildThatCompiles() throws Exception {
        Variant child = UPGRADER.apply(read(RequestKind.SCRIPT, "package darwin.program;\nfinal class Extra {}\n"), SEED);
        assertTrue(child.files().containsKey("program/darwin/program/Extra.java"));
        assertEquals(List.of(SEED.id()), child.parents());
        String reason = assertThrows(UpgradeException.class,
                () -> UPGRADER.apply(read(RequestKind.SCRIPT, "package darwin.program;\nfinal class Broken { int x = ; }\n"), SEED))
                .getMessage();
        assertTrue(reason.contains("does not compile"), reason);
    }

    @Test
    void aLayoutMovesFilesAndChecksThatTheyAreThere() throws Exception {
        String from = SEED.files().keySet().stream().filter(p -> p.endsWith("LearningRateSchedule.java")).findFirst().orElseThrow();
        String content = SEED.files().get(from);
        String layout = "{\"move\": {\"" + from + "\": \"program/darwin/program/schedule/LearningRateSchedule.java\"},"
                + " \"write\": {\"program/darwin/program/schedule/LearningRateSchedule.java\": "
                + new ObjectMapper().writeValueAsString(content) + "}}";
        Variant moved = UPGRADER.apply(read(RequestKind.FILE_STRUCTURE, layout), SEED);
        assertTrue(moved.files().containsKey("program/darwin/program/schedule/LearningRateSchedule.java"));
        assertTrue(!moved.files().containsKey(from));
        String reason = assertThrows(UpgradeException.class, () -> UPGRADER.apply(read(RequestKind.FILE_STRUCTURE,
                "{\"delete\": [\"program/darwin/program/Gone.java\"]}"), SEED)).getMessage();
        assertTrue(reason.contains("does not have"), reason);
        assertEquals(SEED, UPGRADER.apply(read(RequestKind.BUDGET, "10"), SEED), "a budget leaves programs alone");
    }

    @Test
    void anApprovedResourceIsListedInTheVariantOnceThroughTheManifest() throws Exception {
        Upgrade added = UpgradeReaderTest.READER.read(UpgradeReaderTest.approved(RequestKind.DATASET, "poems", "{poems}"),
                Budget.seconds(5));
        assertEquals("adds resource poems", added.describe());
        Variant listed = UPGRADER.apply(added, SEED);
        assertEquals("{poems}\n", listed.files().get(ListedResources.FILE));
        assertEquals(List.of(SEED.id()), listed.parents());
        String reason = assertThrows(UpgradeException.class, () -> UPGRADER.apply(added, listed)).getMessage();
        assertEquals("this variant has it already", reason);
    }

    @Test
    void aResourceApprovalWithoutItsStoredValueSaysHowToApprove() {
        String reason = UpgradeReaderTest.reason(RequestKind.LIBRARY, "g:a:1", Budget.seconds(5));
        assertTrue(reason.startsWith("a LIBRARY request is approved with its coordinates"), reason);
    }
}
