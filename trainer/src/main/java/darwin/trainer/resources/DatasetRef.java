package darwin.trainer.resources;

import java.util.Objects;

/**
 * A dataset: text that is added to the training text of a variant.
 *
 * @param name what people called it (the file's name when it was added), for people and prompts
 * @param sha256 the hash of the stored text's UTF-8 bytes
 * @param characters how many characters the stored text holds, each one a training token
 */
public record DatasetRef(String name, String sha256, long characters) implements ResourceRef {

    /** The longest name. */
    public static final int MAX_NAME = 120;

    public DatasetRef {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a dataset's name is 1 to " + MAX_NAME
                    + " characters on one line, got '" + name + "'");
        }
        ResourceRef.checkSha256(sha256);
        if (characters < 1) {
            throw new IllegalArgumentException("a dataset holds at least one character, got " + characters);
        }
    }

    @Override
    public String fileName() {
        return sha256 + ".txt";
    }

    @Override
    public String describe() {
        return "dataset '" + name + "'";
    }
}
