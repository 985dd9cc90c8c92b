package darwin.mutation.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Edit;
import darwin.core.Variant;
import darwin.mutation.edit.EditApplier;
import darwin.mutation.edit.EditReport;
import darwin.mutation.edit.EditResult;
import darwin.mutation.edit.MatchStrategy;
import darwin.trainer.variant.SeedVariant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The offline mutator applies catalog entries with the mutation step's applier: every search text
 * an entry writes is an exact match there too, and lands where the catalog's own check puts it,
 * on the seed and after any of the other entries in either order.
 */
class CatalogThroughTheApplierTest {

    private static final Variant SEED = SeedVariant.variant();
    private static final EditApplier APPLIER = new EditApplier();

    /** Applies each entry that applies, both ways, and returns how many did. */
    private static int applyAll(List<CatalogEntry> entries) {
        Variant current = SEED;
        int applied = 0;
        for (CatalogEntry entry : entries) {
            if (!entry.appliesTo(current)) {
                continue;
            }
            List<Edit> edits = entry.edits(current).orElseThrow();
            Variant expected = ExactEdits.apply(current, edits);
            EditResult result = APPLIER.apply(current, edits);
            EditResult.Applied done = assertInstanceOf(EditResult.Applied.class, result,
                    () -> entry.id() + ": " + ((EditResult.Failed) result).describe());
            assertEquals(expected.files(), done.variant().files(), entry.id());
            assertTrue(done.reports().stream().map(EditReport::strategy).allMatch(s -> s == MatchStrategy.EXACT),
                    entry.id() + ": " + done.describe());
            current = done.variant();
            applied++;
        }
        return applied;
    }

    @Test
    void everyEntryLandsExactlyInCatalogOrder() {
        assertTrue(applyAll(Catalog.standard().entries()) >= 14);
    }

    @Test
    void everyEntryLandsExactlyInReverseOrder() {
        assertTrue(applyAll(Catalog.standard().entries().reversed()) >= 14);
    }

    @Test
    void everyEntryLandsExactlyOnTheSeed() {
        for (CatalogEntry entry : Catalog.standard().entries()) {
            List<Edit> edits = entry.edits(SEED).orElseThrow();
            EditResult result = APPLIER.apply(SEED, edits);
            EditResult.Applied done = assertInstanceOf(EditResult.Applied.class, result,
                    () -> entry.id() + ": " + ((EditResult.Failed) result).describe());
            assertEquals(ExactEdits.apply(SEED, edits).files(), done.variant().files(), entry.id());
        }
    }
}
