package darwin.trainer.resources;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import darwin.core.Variant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The resources a variant lists in its manifest, {@value #MANIFEST}: datasets, whose text is
 * added to its training text in this order, and libraries, whose jars go on its class path.
 *
 * <p>The manifest is one of the variant's files, written by {@link #toJson} in one canonical
 * form, so that the same resources give the same bytes and adding one gives a new variant id.
 * Edits (the LLM's) never touch it; only {@link #derive} does, for a resource people approved.
 *
 * @param datasets no two with the same hash
 * @param libraries no two versions of the same {@code group:artifact}
 */
public record VariantResources(List<DatasetRef> datasets, List<LibraryRef> libraries) {

    /** The manifest's path in a variant. */
    public static final String MANIFEST = "resources/manifest.json";
    /** Version of the manifest's format. */
    public static final int SCHEMA = 1;
    /** No resources: a variant without a manifest. */
    public static final VariantResources NONE = new VariantResources(List.of(), List.of());

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads a manifest: fields it does not know are left alone; a name or a hash must be text, not a number. */
    private static final ObjectReader MANIFESTS = VariantJson.reader(Manifest.class);

    public VariantResources {
        datasets = List.copyOf(datasets);
        libraries = List.copyOf(libraries);
        Set<String> seen = new HashSet<>();
        for (DatasetRef dataset : datasets) {
            if (!seen.add(dataset.sha256())) {
                throw new IllegalArgumentException("the dataset " + dataset.sha256() + " is listed twice");
            }
        }
        for (LibraryRef library : libraries) {
            if (!seen.add(library.artifact())) {
                throw new IllegalArgumentException("the library " + library.artifact() + " is listed twice");
            }
        }
    }

    /** The resources a variant lists; {@link #NONE} when it has no manifest. */
    public static VariantResources of(Variant variant) {
        String manifest = variant.files().get(MANIFEST);
        return manifest == null ? NONE : parse(manifest);
    }

    /**
     * Reads a manifest.
     *
     * @throws IllegalArgumentException with a one-line message that names the manifest and the entry
     */
    public static VariantResources parse(String json) {
        Manifest manifest;
        try {
            manifest = MANIFESTS.readValue(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(MANIFEST + " is not a manifest: " + e.getOriginalMessage(), e);
        }
        if (manifest == null) {
            throw new IllegalArgumentException(MANIFEST + " must hold a JSON object");
        }
        if (manifest.schema() == null || manifest.schema() != SCHEMA) {
            throw new IllegalArgumentException(MANIFEST + " has schema " + (manifest.schema() == null ? "(none)"
                    : manifest.schema()) + "; this darwin reads schema " + SCHEMA);
        }
        try {
            return new VariantResources(
                    manifest.datasets().stream().map(d -> new DatasetRef(required(d.name(), "name"),
                            required(d.sha256(), "sha256"), d.characters())).toList(),
                    manifest.libraries().stream().map(l -> new LibraryRef(required(l.coordinates(), "coordinates"),
                            required(l.sha256(), "sha256"))).toList());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(MANIFEST + ": " + e.getMessage(), e);
        }
    }

    /** The manifest's text: canonical, pretty-printed, ending with a new line. */
    public String toJson() {
        Manifest manifest = new Manifest(SCHEMA,
                datasets.stream().map(d -> new Manifest.Dataset(d.name(), d.sha256(), d.characters())).toList(),
                libraries.stream().map(l -> new Manifest.Library(l.coordinates(), l.sha256())).toList());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write a manifest", e);
        }
    }

    public boolean isEmpty() {
        return datasets.isEmpty() && libraries.isEmpty();
    }

    /** Every resource: the datasets, then the libraries. */
    public List<ResourceRef> all() {
        return Stream.concat(datasets.stream(), libraries.stream()).map(ResourceRef.class::cast).toList();
    }

    /**
     * These resources with one more: a dataset goes last, a library replaces another version of
     * the same artifact; a resource already listed is not added again.
     */
    public VariantResources with(ResourceRef ref) {
        return switch (ref) {
            case DatasetRef dataset -> datasets.stream().anyMatch(d -> d.sha256().equals(dataset.sha256()))
                    ? this
                    : new VariantResources(Stream.concat(datasets.stream(), Stream.of(dataset)).toList(), libraries);
            case LibraryRef library -> libraries.contains(library)
                    ? this
                    : new VariantResources(datasets, Stream.concat(
                    libraries.stream().filter(l -> !l.artifact().equals(library.artifact())), Stream.of(library)).toList());
        };
    }

    /**
     * A child of {@code parent} whose manifest lists one more resource, or {@code parent} itself when
     * it lists that resource already.
     *
     * @throws IllegalArgumentException when the parent's manifest cannot be read
     */
    public static Variant derive(Variant parent, ResourceRef ref) {
        VariantResources current = of(parent);
        VariantResources next = current.with(ref);
        return next.equals(current) ? parent : parent.derive(Map.of(MANIFEST, next.toJson()));
    }

    /** One line for people and prompts, e.g. {@code dataset 'poems.txt' (12,345 characters); library g:a:1.0}. */
    public String describe() {
        if (isEmpty()) {
            return "no resources";
        }
        return Stream.concat(
                datasets.stream().map(d -> String.format(Locale.ROOT, "%s (%,d characters)", d.describe(), d.characters())),
                libraries.stream().map(LibraryRef::describe)).collect(Collectors.joining("; "));
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return value;
    }

    /** The file as written: a schema number, then the datasets and the libraries, each a list (empty when absent). */
    @JsonPropertyOrder({"schema", "datasets", "libraries"})
    private record Manifest(Integer schema, List<Dataset> datasets, List<Library> libraries) {

        Manifest {
            datasets = datasets == null ? List.of() : List.copyOf(datasets);
            libraries = libraries == null ? List.of() : List.copyOf(libraries);
        }

        @JsonPropertyOrder({"name", "sha256", "characters"})
        private record Dataset(String name, String sha256, long characters) {}

        @JsonPropertyOrder({"coordinates", "sha256"})
        private record Library(String coordinates, String sha256) {}
    }
}
