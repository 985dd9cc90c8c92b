package darwin.trainer.resources;

import darwin.core.ResourceManifest;
import darwin.core.Variant;
import java.util.List;

/**
 * People's approvals of datasets and libraries, read and applied through the manifest: an approval's
 * value is a manifest that lists the one resource it put in the run's store ({@link #value}), and
 * applying it lists that resource in a variant's own manifest ({@link VariantResources#derive}).
 * Stateless.
 */
public final class ResourceApprovals implements ResourceManifest {

    @Override
    public Resource approved(String value) {
        ResourceRef ref = one(value);
        return new Resource(ref.describe(), value(ref));
    }

    @Override
    public Variant listing(Variant variant, Resource resource) {
        return VariantResources.derive(variant, one(resource.value()));
    }

    /** The one resource an approval's value lists. */
    private static ResourceRef one(String value) {
        List<ResourceRef> refs = VariantResources.parse(value).all();
        if (refs.size() != 1) {
            throw new IllegalArgumentException("an approval records one resource, this one lists " + refs.size());
        }
        return refs.getFirst();
    }

    /** The value that records a resource put in the run's store for an approval: a manifest listing it alone. */
    public static String value(ResourceRef ref) {
        return switch (ref) {
            case DatasetRef dataset -> new VariantResources(List.of(dataset), List.of()).toJson();
            case LibraryRef library -> new VariantResources(List.of(), List.of(library)).toJson();
        };
    }
}
