package darwin.core;

import java.util.Objects;

/**
 * The port through which the loop applies people's approval of a {@code DATASET} or
 * {@code LIBRARY} request: it reads which resource an approval recorded, and lists that resource in
 * a variant's manifest. The trainer owns the manifest's format and the store the resources live in,
 * and implements it; the loop never reads a manifest itself.
 */
public interface ResourceManifest {

    /**
     * The one resource an approval's value records.
     *
     * @throws IllegalArgumentException when the value records none, or several, or cannot be read;
     *     the message says why
     */
    Resource approved(String value);

    /**
     * A child of {@code variant} whose manifest lists {@code resource}, or {@code variant} itself when
     * it lists it already.
     *
     * @throws IllegalArgumentException when the variant's manifest cannot be read
     */
    Variant listing(Variant variant, Resource resource);

    /**
     * One approved resource, as the loop passes it on.
     *
     * @param description how people and prompts name it, e.g. {@code dataset 'poems.txt'}
     * @param value the approval's value that records it, which {@link #listing} reads back
     */
    record Resource(String description, String value) {
        public Resource {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(value, "value");
        }
    }
}
