package darwin.core;

/**
 * The port through which the loop keeps a run's variants: it writes a proposed variant's files
 * once and reads them back, on a resume or for a later generation. The trainer implements it with
 * one folder per variant, in the layout its sandbox reads.
 *
 * <p>Implementations are safe for concurrent use: two proposals may store the same child at once.
 */
public interface VariantStore {

    /**
     * Keeps a variant; storing one that is kept already does nothing.
     *
     * @throws java.io.UncheckedIOException when its files cannot be written
     */
    void store(Variant variant);

    /**
     * A kept variant.
     *
     * @throws IllegalArgumentException when none is kept under {@code id}, or its files cannot be read
     */
    Variant read(String id);

    /** Whether a variant is kept under {@code id}. */
    boolean contains(String id);
}
