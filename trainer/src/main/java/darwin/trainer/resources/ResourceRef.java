package darwin.trainer.resources;

import java.util.Objects;

/** One resource a manifest lists, named by the SHA-256 of its file in a {@link ResourceStore}. */
public sealed interface ResourceRef permits DatasetRef, LibraryRef {

    /** 64 lowercase hex digits. */
    String sha256();

    /** The name of its file in a store: the hash and an extension. */
    String fileName();

    /** How people and prompts name it, e.g. {@code dataset 'poems.txt'}. */
    String describe();

    /** Checks a SHA-256 in hex: 64 lowercase hex digits. */
    static String checkSha256(String sha256) {
        Objects.requireNonNull(sha256, "sha256");
        if (sha256.length() != 64 || !sha256.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("a sha256 is 64 lowercase hex digits, got '" + sha256 + "'");
        }
        return sha256;
    }
}
