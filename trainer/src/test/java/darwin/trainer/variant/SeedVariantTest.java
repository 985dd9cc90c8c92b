package darwin.trainer.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Variant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeedVariantTest {

    private static final Variant SEED = SeedVariant.variant();
    private static final String HARNESS_FILE = "harness/darwin/trainer/api/TrainingProgram.java";

    @Test
    void holdsTheSeedProgramAndTheHarnessReferences() {
        assertEquals("darwin.program.NanoGpt", SEED.entry());
        assertEquals(SeedVariant.ENTRY, SEED.entry());
        for (String name : new String[] {"NanoGpt", "GptModel", "GptConfig", "AdamW", "LearningRateSchedule"}) {
            assertTrue(SEED.files().containsKey("program/darwin/program/" + name + ".java"), name);
        }
        assertTrue(SEED.files().get("program/darwin/program/NanoGpt.java").contains("class NanoGpt"));
        assertTrue(SEED.files().containsKey(HARNESS_FILE));
        assertTrue(SEED.files().keySet().stream().allMatch(p -> p.startsWith("program/") || p.startsWith("harness/")),
                SEED.files().keySet().toString());
        assertTrue(SEED.parents().isEmpty());
        assertEquals(HarnessFiles.bundled().keySet(),
                SEED.files().keySet().stream().filter(p -> !HarnessFiles.isMutable(p)).collect(Collectors.toSet()));
    }

    @Test
    void theSeedKeepsEveryHarnessFile() {
        assertEquals(Optional.empty(), HarnessFiles.tampering(SEED));
    }

    @Test
    void aChangedProgramFileIsNotTampering() {
        Variant child = SEED.derive(Map.of("program/darwin/program/NanoGpt.java", "// rewritten\n",
                "program/darwin/program/Extra.java", "class Extra {}"));
        assertEquals(Optional.empty(), HarnessFiles.tampering(child));
    }

    @Test
    void aChangedHarnessFileIsReported() {
        Variant child = SEED.derive(Map.of(HARNESS_FILE, SEED.files().get(HARNESS_FILE) + "// sneaky\n"));
        String report = HarnessFiles.tampering(child).orElseThrow();
        assertTrue(report.contains(HARNESS_FILE) && report.contains("changed"), report);
    }

    @Test
    void anExtraFileOutsideTheProgramIsReported() {
        for (String path : new String[] {"harness/darwin/trainer/api/Extra.java", "Build.java", "programs/x.txt"}) {
            String report = HarnessFiles.tampering(SEED.derive(Map.of(path, "x"))).orElseThrow();
            assertTrue(report.contains(path) && report.contains("outside"), report);
        }
    }

    @Test
    void aRemovedHarnessFileIsReported() {
        HashMap<String, String> removal = new HashMap<>();
        removal.put(HARNESS_FILE, null);
        String report = HarnessFiles.tampering(SEED.derive(removal)).orElseThrow();
        assertTrue(report.contains(HARNESS_FILE) && report.contains("removed"), report);
    }

    @Test
    void theSeedIsStable() {
        Variant again = SeedVariant.variant();
        assertEquals(SEED.id(), again.id());
        assertEquals(SEED, again);
        assertTrue(Variant.isId(SEED.id()));
        assertFalse(HarnessFiles.isMutable(HARNESS_FILE));
    }
}
