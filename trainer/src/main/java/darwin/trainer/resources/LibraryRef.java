package darwin.trainer.resources;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A library: a jar put on the class path of a variant's compilation, training and scoring.
 *
 * @param coordinates Maven coordinates, {@code group:artifact:version}
 * @param sha256 the hash of the jar's bytes
 */
public record LibraryRef(String coordinates, String sha256) implements ResourceRef {

    private static final Pattern COORDINATES = Pattern.compile("[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+:[A-Za-z0-9_.+-]+");

    public LibraryRef {
        Objects.requireNonNull(coordinates, "coordinates");
        if (!COORDINATES.matcher(coordinates).matches()) {
            throw new IllegalArgumentException("a library is named group:artifact:version, got '" + coordinates + "'");
        }
        ResourceRef.checkSha256(sha256);
    }

    /** {@code group:artifact}: two versions of one artifact never share a class path. */
    public String artifact() {
        return coordinates.substring(0, coordinates.lastIndexOf(':'));
    }

    @Override
    public String fileName() {
        return sha256 + ".jar";
    }

    @Override
    public String describe() {
        return "library " + coordinates;
    }
}
