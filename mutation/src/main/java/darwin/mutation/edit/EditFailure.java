package darwin.mutation.edit;

import java.util.Objects;

/**
 * An edit that could not be applied, and why.
 *
 * @param index the edit's position in the change, from 1
 * @param path the file it named
 * @param problem why it failed
 */
public record EditFailure(int index, String path, Problem problem) {

    public EditFailure {
        if (index < 1) {
            throw new IllegalArgumentException("edits are numbered from 1, got " + index);
        }
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(problem, "problem");
    }

    /** {@code Edit 2 (program/p/Main.java): the search text was found 2 times, at …} */
    public String describe() {
        return "Edit " + index + " (" + path + "): " + problem.describe();
    }
}
