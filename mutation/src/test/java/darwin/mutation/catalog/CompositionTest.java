package darwin.mutation.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Variant;
import darwin.trainer.variant.SeedVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Entries apply to one another's output: a whole sequence of them, each applied to the previous
 * result and skipped when it no longer applies, still compiles and trains.
 */
@Timeout(120)
class CompositionTest {

    private static final Variant SEED = SeedVariant.variant();

    /** Applies the entries in order, skipping those that do not apply; returns the ids applied. */
    private static Variant applyAll(List<CatalogEntry> entries, List<String> applied) {
        Variant current = SEED;
        for (CatalogEntry entry : entries) {
            if (entry.appliesTo(current)) {
                current = ExactEdits.apply(current, entry);
                applied.add(entry.id());
            }
        }
        return current;
    }

    @Test
    void theWholeCatalogInOrderTrains() throws ReflectiveOperationException {
        List<String> applied = new ArrayList<>();
        Variant all = applyAll(Catalog.standard().entries(), applied);
        assertTrue(applied.size() >= 14, applied.toString());
        assertTrue(applied.containsAll(List.of("learning-rate-up", "learning-rate-down")), "conflicting constants compose");
        assertTrue(applied.containsAll(List.of("rotary-embeddings", "qk-norm", "relu-squared-mlp", "untied-head",
                "zero-init-projections", "fan-in-init")), applied.toString());
        EvaluationResult result = VariantTraining.train(all);
        assertEquals(EvaluationStatus.OK, result.status(), result.reason() + "\n" + result.logTail());
    }

    @Test
    void theWholeCatalogInReverseTrains() throws ReflectiveOperationException {
        List<String> applied = new ArrayList<>();
        Variant all = applyAll(Catalog.standard().entries().reversed(), applied);
        assertTrue(applied.size() >= 14, applied.toString());
        EvaluationResult result = VariantTraining.train(all);
        assertEquals(EvaluationStatus.OK, result.status(), result.reason() + "\n" + result.logTail());
    }

    @Test
    void constantChangesReadTheCurrentValues() {
        Catalog catalog = Catalog.standard();
        Variant up = ExactEdits.apply(SEED, catalog.entry("learning-rate-up").orElseThrow());
        Variant decayed = ExactEdits.apply(up, catalog.entry("weight-decay-timescale").orElseThrow());
        ConfigLine line = ConfigLine.of(decayed).orElseThrow();
        assertEquals(2e-3, line.number("learningRate").orElseThrow(), 1e-12);
        assertEquals(2e-4, line.number("minLearningRate").orElseThrow(), 1e-12);
        assertEquals(0.25, line.number("weightDecay").orElseThrow(), 1e-12, "1 / (2000 × 2e-3)");
        assertFalse(catalog.entry("learning-rate-up").orElseThrow().appliesTo(decayed), "4e-3 is past the bound");
        assertTrue(catalog.entry("learning-rate-down").orElseThrow().appliesTo(decayed));
    }

    @Test
    void aSecondRotaryAfterTheFirstIsSkipped() {
        Catalog catalog = Catalog.standard();
        Variant rotary = ExactEdits.apply(SEED, catalog.entry("rotary-embeddings").orElseThrow());
        Variant normed = ExactEdits.apply(rotary, catalog.entry("qk-norm").orElseThrow());
        assertFalse(catalog.entry("rotary-embeddings").orElseThrow().appliesTo(normed));
        assertTrue(catalog.entry("rotary-embeddings").orElseThrow().edits(normed).isEmpty());
        assertFalse(catalog.entry("qk-norm").orElseThrow().appliesTo(normed));
        assertTrue(catalog.entry("relu-squared-mlp").orElseThrow().appliesTo(normed));
    }

    @Test
    void anEntryWhoseAnchorWasRewrittenIsSkipped() {
        String model = SEED.files().get(ProgramFiles.MODEL).replace(".gelu()", ".tanh()");
        Variant rewritten = SEED.derive(Map.of(ProgramFiles.MODEL, model));
        Catalog catalog = Catalog.standard();
        assertFalse(catalog.entry("relu-squared-mlp").orElseThrow().appliesTo(rewritten));
        assertEquals(catalog.entries().size() - 1, catalog.applicableTo(rewritten).size());
    }
}
