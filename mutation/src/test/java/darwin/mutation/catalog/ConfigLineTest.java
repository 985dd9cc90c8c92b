package darwin.mutation.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Edit;
import darwin.core.Variant;
import darwin.trainer.variant.SeedVariant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLineTest {

    private static final Variant SEED = SeedVariant.variant();
    private static final String BABY =
            "new GptConfig(4, 4, 128, 64, 12, 1e-3, 1e-4, 100, 0.1, 0.9, 0.99, 1.0, 0.0, false)";

    private static Variant withConfig(String from, String to) {
        String config = SEED.files().get(ProgramFiles.CONFIG);
        assertTrue(config.contains(from));
        return SEED.derive(Map.of(ProgramFiles.CONFIG, config.replace(from, to)));
    }

    @Test
    void readsTheSeedsConfiguration() {
        ConfigLine line = ConfigLine.of(SEED).orElseThrow();
        assertEquals(BABY, line.expression());
        assertEquals(List.of("layers", "heads", "width", "contextLength", "batchSize", "learningRate",
                "minLearningRate", "warmupSteps", "weightDecay", "beta1", "beta2", "gradClip", "dropout", "bias"),
                line.names());
        assertEquals(1e-3, line.number("learningRate").orElseThrow());
        assertEquals(128, line.integer("width").orElseThrow());
        assertTrue(line.number("bias").isEmpty(), "false is not a number");
        assertTrue(line.number("noSuchThing").isEmpty());
        assertFalse(line.changed());
    }

    @Test
    void rewritesTheWholeExpression() {
        ConfigLine line = ConfigLine.of(SEED).orElseThrow().withDecimal("learningRate", 2e-3).withInteger("warmupSteps", 20);
        Edit.Replace edit = line.edit();
        assertEquals(BABY, edit.search());
        assertEquals("new GptConfig(4, 4, 128, 64, 12, 2e-3, 1e-4, 20, 0.1, 0.9, 0.99, 1.0, 0.0, false)", edit.replace());
        assertEquals("learningRate 1e-3 → 2e-3, warmupSteps 100 → 20", line.describeChanges());
    }

    @Test
    void writesDecimalsAsJavaLiterals() {
        assertEquals("2e-3", ConfigLine.decimal(2e-3));
        assertEquals("1.5e-3", ConfigLine.decimal(1e-3 * 1.5));
        assertEquals("2.5e-4", ConfigLine.decimal(2.5e-4));
        assertEquals("0.95", ConfigLine.decimal(0.95));
        assertEquals("0.5", ConfigLine.decimal(1 / (2000 * 1e-3)));
        assertEquals("1.0", ConfigLine.decimal(1));
        assertEquals("0.0", ConfigLine.decimal(0));
        assertEquals("1.23e4", ConfigLine.decimal(12345));
    }

    @Test
    void keepsTheLayoutOfAConfigurationOnSeveralLines() {
        Variant spread = withConfig(BABY, "new GptConfig(\n            4, 4, 128, 64, 12,\n            1e-3, 1e-4, 100,"
                + " 0.1, 0.9, 0.99, 1.0, 0.0, false)");
        ConfigLine line = ConfigLine.of(spread).orElseThrow();
        String replaced = line.withDecimal("learningRate", 5e-4).edit().replace();
        assertEquals("new GptConfig(\n            4, 4, 128, 64, 12,\n            5e-4, 1e-4, 100, 0.1, 0.9, 0.99, 1.0,"
                + " 0.0, false)", replaced);
    }

    @Test
    void anExpressionInPlaceOfALiteralRulesOutOnlyTheEntriesThatReadIt() {
        Variant computed = withConfig("12, 1e-3, 1e-4", "12, Math.min(1e-3, 2e-3), 1e-4");
        Catalog catalog = Catalog.standard();
        assertFalse(catalog.entry("learning-rate-up").orElseThrow().appliesTo(computed));
        assertFalse(catalog.entry("weight-decay-timescale").orElseThrow().appliesTo(computed));
        assertTrue(catalog.entry("beta2-095").orElseThrow().appliesTo(computed));
        Variant changed = ExactEdits.apply(computed, catalog.entry("beta2-095").orElseThrow());
        assertTrue(changed.files().get(ProgramFiles.CONFIG).contains("Math.min(1e-3, 2e-3), 1e-4, 100, 0.1, 0.9, 0.95,"));
    }

    @Test
    void aProgramWithoutTheConfigurationHasNoLine() {
        Variant foreign = Variant.seed("other.Program", Map.of("program/other/Program.java", "class Program {}"));
        assertTrue(ConfigLine.of(foreign).isEmpty());
        assertTrue(ConfigLine.of(withConfig("public static final GptConfig BABY =", "static final GptConfig SMALL ="))
                .isEmpty());
    }
}
