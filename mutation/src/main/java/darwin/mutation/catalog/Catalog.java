package darwin.mutation.catalog;

import darwin.core.Variant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, ordered set of catalog entries with distinct ids. The order is part of the
 * mutator's determinism: a seed picks the same entry as long as the catalog is the same.
 */
public final class Catalog {

    private final List<CatalogEntry> entries;

    public Catalog(List<CatalogEntry> entries) {
        this.entries = List.copyOf(entries);
        Set<String> ids = new HashSet<>();
        for (CatalogEntry entry : this.entries) {
            if (!ids.add(entry.id())) {
                throw new IllegalArgumentException("two catalog entries are called " + entry.id());
            }
        }
        if (this.entries.isEmpty()) {
            throw new IllegalArgumentException("a catalog needs at least one entry");
        }
    }

    /**
     * The built-in catalog for the seed program: learning rate up and down, warm-up, cosine floor,
     * β2, weight decay, dropout; batch against context and width against depth; rotary
     * embeddings, ReLU², QK-norm, an untied head; zero and fan-in initialisation.
     */
    public static Catalog standard() {
        List<CatalogEntry> all = new ArrayList<>();
        all.addAll(HyperparameterEntries.all());
        all.addAll(ShapeEntries.all());
        all.addAll(ModelEntries.all());
        return new Catalog(all);
    }

    public List<CatalogEntry> entries() {
        return entries;
    }

    /** The entry with this id. */
    public Optional<CatalogEntry> entry(String id) {
        return entries.stream().filter(entry -> entry.id().equals(id)).findFirst();
    }

    /** The entries that apply to a variant, in catalog order. */
    public List<CatalogEntry> applicableTo(Variant variant) {
        return entries.stream().filter(entry -> entry.appliesTo(variant)).toList();
    }
}
