package darwin.mutation.catalog;

import java.util.Locale;
import java.util.Optional;

/** What kind of change a catalog entry makes; the same words as a {@link darwin.core.Change}'s tags. */
public enum CatalogTag {
    /** The optimizer and its hyper-parameters. */
    OPTIMIZER,
    /** The learning-rate schedule. */
    SCHEDULE,
    /** The model's layers and their shapes. */
    ARCHITECTURE,
    /** How parameters start. */
    INITIALISATION,
    /** What keeps the model from memorising its training text. */
    REGULARISATION,
    /** How many tokens a second the program trains on. */
    THROUGHPUT,
    /** What a batch holds. */
    DATA;

    /** The tag as written in a change: lower case, e.g. {@code throughput}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The tag with this label (any case, surrounding blanks ignored), if there is one. */
    public static Optional<CatalogTag> of(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String wanted = label.strip();
        for (CatalogTag tag : values()) {
            if (tag.label().equalsIgnoreCase(wanted)) {
                return Optional.of(tag);
            }
        }
        return Optional.empty();
    }
}
