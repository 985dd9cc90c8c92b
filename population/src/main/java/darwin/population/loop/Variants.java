package darwin.population.loop;

import darwin.core.Variant;
import darwin.core.VariantStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run's variants as the loop sees them: those it met this session kept in memory, the rest
 * read from the {@link VariantStore} when first asked for. A variant is written to the store once,
 * when it is first proposed (or is the seed, or a member upgraded by people).
 *
 * <p>Thread-safe: the pairings of a generation store and read variants at once; the store writes
 * a variant's files once however many store it.
 */
final class Variants {

    private final VariantStore store;
    private final Map<String, Variant> known = new ConcurrentHashMap<>();

    Variants(VariantStore store) {
        this.store = store;
    }

    /** A variant of the run, from memory or from the store. */
    Variant get(String id) {
        return known.computeIfAbsent(id, store::read);
    }

    /** Keeps a variant, writing it to the store unless it is there already. */
    void store(Variant variant) {
        known.putIfAbsent(variant.id(), variant);
        store.store(variant);
    }

    /** A variant's parents; empty when the run does not know the variant. */
    List<String> parents(String id) {
        Variant variant = known.get(id);
        if (variant != null) {
            return variant.parents();
        }
        return store.contains(id) ? get(id).parents() : List.of();
    }
}
