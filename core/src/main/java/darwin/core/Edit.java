package darwin.core;

import java.util.Objects;

/** One change to a file of a training program, as a mutation proposes it. */
public sealed interface Edit permits Edit.Replace, Edit.Write {

    /** The file's path relative to the variant, e.g. {@code program/darwin/program/GptModel.java}. */
    String path();

    /**
     * Replaces the one place in the file that matches {@code search} with {@code replace}; with an
     * empty {@code search}, creates the file with {@code replace} as its content (the applier
     * refuses it for a file that exists with content).
     */
    record Replace(String path, String search, String replace) implements Edit {
        public Replace {
            Variant.checkPath(path);
            Objects.requireNonNull(search, "search");
            Objects.requireNonNull(replace, "replace");
        }
    }

    /** Writes the whole file (a new file, or a complete rewrite). */
    record Write(String path, String content) implements Edit {
        public Write {
            Variant.checkPath(path);
            Objects.requireNonNull(content, "content");
        }
    }
}
