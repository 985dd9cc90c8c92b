package darwin.mutation.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Edit;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Metrics;
import darwin.core.Variant;
import darwin.trainer.variant.SeedVariant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every entry of the standard catalog applies to the seed, compiles, trains a few steps through
 * the harness (whose causality check catches a rotary or QK-norm bug that leaks the future), and
 * does not apply a second time to its own output.
 */
@Timeout(120)
class CatalogEntriesTest {

    private static final Variant SEED = SeedVariant.variant();
    private static final long SEED_CONTEXT = 64;
    private static final long SEED_LAYERS = 4;
    private static final long SEED_WIDTH = 128;
    private static final long VOCABULARY = 65;

    static List<CatalogEntry> entries() {
        return Catalog.standard().entries();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void appliesToTheSeedAndTrains(CatalogEntry entry) throws ReflectiveOperationException {
        assertTrue(entry.appliesTo(SEED), entry.id());
        List<Edit> edits = entry.edits(SEED).orElseThrow();
        assertTrue(edits.stream().allMatch(edit -> edit.path().startsWith("program/darwin/program/")), entry.id());
        Variant changed = ExactEdits.apply(SEED, edits);
        assertFalse(changed.files().equals(SEED.files()), entry.id() + " changes nothing");

        EvaluationResult result = VariantTraining.train(changed);
        assertEquals(EvaluationStatus.OK, result.status(), entry.id() + ": " + result.reason() + "\n" + result.logTail());
        assertEquals(VariantTraining.STEPS, result.metrics().steps());
        assertTrue(result.metrics().valLoss() < 5, entry.id() + ": held-out loss " + result.metrics().valLoss());
        checkCounts(entry, result.metrics());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void doesNotApplyTwice(CatalogEntry entry) {
        Variant once = ExactEdits.apply(SEED, entry);
        assertFalse(entry.appliesTo(once), entry.id() + " applies again to its own output");
        assertTrue(entry.edits(once).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void isDocumented(CatalogEntry entry) {
        long sentences = entry.reasoning().split("(?<=\\.)\\s+").length;
        assertTrue(sentences >= 3 && sentences <= 6, entry.id() + ": " + sentences + " sentences");
        assertFalse(entry.summary().contains("\n"));
        assertFalse(entry.tags().isEmpty());
    }

    @Test
    void theCatalogCoversTheKnownChanges() {
        Set<String> ids = entries().stream().map(CatalogEntry::id).collect(Collectors.toSet());
        assertTrue(ids.size() >= 14, ids.toString());
        assertEquals(entries().size(), ids.size());
        assertTrue(ids.containsAll(Set.of("learning-rate-up", "learning-rate-down", "short-warmup", "cosine-to-zero",
                "beta2-095", "weight-decay-timescale", "fan-in-init", "rotary-embeddings", "relu-squared-mlp",
                "qk-norm", "untied-head", "short-context-wide-batch", "long-context-narrow-batch", "dropout",
                "wide-shallow", "narrow-deep", "zero-init-projections")), ids.toString());
        Set<CatalogTag> tags = EnumSet.noneOf(CatalogTag.class);
        entries().forEach(entry -> tags.addAll(entry.tags()));
        assertEquals(EnumSet.allOf(CatalogTag.class), tags);
    }

    @Test
    void rotaryEmbeddingsDropThePositionTable() {
        Variant rotary = ExactEdits.apply(SEED, Catalog.standard().entry("rotary-embeddings").orElseThrow());
        String model = rotary.files().get(ProgramFiles.MODEL);
        assertFalse(model.contains("wpe") || model.contains("POSITION_EMBEDDING"), model);
        assertTrue(model.contains("Set.of()"), "no lookup table is declared any more");
    }

    /**
     * What the harness counts for entries that change the parameters: the rotary model has no
     * position table and declares no lookup table, so every parameter counts in 6N + 12·L·d·T; the
     * untied head adds V·d; QK-norm adds two gains of the head size per layer.
     */
    private static void checkCounts(CatalogEntry entry, Metrics metrics) {
        long d = SEED_WIDTH;
        long flopsOfAttention = 12L * SEED_LAYERS * d * SEED_CONTEXT;
        switch (entry.id()) {
            case "rotary-embeddings" -> {
                long parameters = seedParameters() - SEED_CONTEXT * d;
                assertEquals(parameters, metrics.parameters());
                assertEquals(6.0 * parameters + flopsOfAttention, metrics.flopsPerToken(), 1e-6);
            }
            case "untied-head" -> assertEquals(seedParameters() + VOCABULARY * d, metrics.parameters());
            case "qk-norm" -> assertEquals(seedParameters() + SEED_LAYERS * 2 * (d / 4), metrics.parameters());
            case "relu-squared-mlp", "fan-in-init", "zero-init-projections" -> {
                assertEquals(seedParameters(), metrics.parameters());
                assertEquals(6.0 * (seedParameters() - SEED_CONTEXT * d) + flopsOfAttention, metrics.flopsPerToken(),
                        1e-6);
            }
            default -> { }
        }
    }

    /** The seed's parameters: embeddings, per block two gains and 12·d² of matrices, the final gain. */
    private static long seedParameters() {
        long d = SEED_WIDTH;
        return VOCABULARY * d + SEED_CONTEXT * d + SEED_LAYERS * (2 * d + 12 * d * d) + d;
    }
}
