package darwin.core;

import java.util.List;
import java.util.Objects;

/**
 * The port through which the mutation step compiles a variant at once, to repair it before it
 * is trained. The trainer implements it with the JDK's compiler.
 */
@FunctionalInterface
public interface CompileCheck {

    /** Compiles the variant's program; never throws for the variant's fault. */
    Report check(Variant variant);

    /**
     * The outcome: success, or the errors, each with its place, and a rendering for an LLM.
     *
     * @param errors the errors (empty on success)
     * @param rendered the errors as a compiler prints them, source line and caret included
     */
    record Report(List<SourceError> errors, String rendered) {
        public Report {
            errors = List.copyOf(errors);
            rendered = Objects.requireNonNullElse(rendered, "");
        }

        public boolean ok() {
            return errors.isEmpty();
        }

        public static Report success() {
            return new Report(List.of(), "");
        }
    }

    /** One compile error: the file, 1-based line and column (0 when unknown), message and source line. */
    record SourceError(String path, long line, long column, String message, String sourceLine) {
        public SourceError {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
            sourceLine = Objects.requireNonNullElse(sourceLine, "");
        }
    }
}
