package darwin.trainer.resources;

import java.util.Objects;

/**
 * A dataset put into a {@link ResourceStore}, and what was left out of it.
 *
 * @param ref what a manifest lists
 * @param dropped how many characters of the file were outside the corpus's vocabulary and dropped
 * @param droppedCharacters the distinct dropped characters (the first few), for people to read;
 *     empty when none were dropped
 */
public record DatasetAdded(DatasetRef ref, long dropped, String droppedCharacters) {

    public DatasetAdded {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(droppedCharacters, "droppedCharacters");
        if (dropped < 0) {
            throw new IllegalArgumentException("a count of dropped characters is not negative, got " + dropped);
        }
    }
}
