package darwin.trainer.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What compiling a program's sources gave.
 *
 * @param succeeded whether the sources compiled; never with an {@linkplain CompilerDiagnostic#isError
 *     error} among the diagnostics
 * @param classes every class written, nested and anonymous ones included, by binary name ({@code
 *     darwin.seed.NanoGpt$Block}); a failed compilation may hold some. The record keeps its own
 *     copies of the arrays and hands out fresh ones
 * @param diagnostics what the compiler reported, in its order
 */
public record Compilation(boolean succeeded, Map<String, byte[]> classes, List<CompilerDiagnostic> diagnostics) {

    /** How many errors {@link #report()} renders before it summarises the rest. */
    public static final int REPORTED_ERRORS = 20;

    public Compilation {
        Objects.requireNonNull(classes, "classes");
        diagnostics = List.copyOf(diagnostics);
        if (succeeded && diagnostics.stream().anyMatch(CompilerDiagnostic::isError)) {
            throw new IllegalArgumentException("a compilation with errors cannot have succeeded");
        }
        classes = copy(classes);
    }

    /** A copy of the class bytes: changing it changes nothing here. */
    @Override
    public Map<String, byte[]> classes() {
        return copy(classes);
    }

    /** The diagnostics that make the compilation fail. */
    public List<CompilerDiagnostic> errors() {
        return diagnostics.stream().filter(CompilerDiagnostic::isError).toList();
    }

    /**
     * The errors as javac prints them, for a reader who must fix the code: the first {@value
     * #REPORTED_ERRORS} rendered, a line saying how many were left out, and the count. Empty when
     * there are no errors.
     */
    public String report() {
        return report(REPORTED_ERRORS);
    }

    /** The errors as {@link #report()} renders them, at most {@code limit} of them in full. */
    public String report(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the report needs room for at least one error, got " + limit);
        }
        List<CompilerDiagnostic> errors = errors();
        if (errors.isEmpty()) {
            return succeeded ? "" : "error: the compiler failed without reporting an error";
        }
        StringBuilder text = new StringBuilder();
        errors.stream().limit(limit).forEach(error -> text.append(error.render()).append('\n'));
        if (errors.size() > limit) {
            text.append("... and ").append(errors.size() - limit).append(" more\n");
        }
        return text.append(errors.size()).append(errors.size() == 1 ? " error" : " errors").toString();
    }

    /**
     * Writes each class as {@code .class} file under a directory, in the folders of its package
     * ({@code darwin/seed/NanoGpt$Block.class}), creating them as needed and replacing files there.
     */
    public void writeClasses(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            Path file = directory.resolve(entry.getKey().replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
    }

    private static Map<String, byte[]> copy(Map<String, byte[]> classes) {
        Map<String, byte[]> copy = new TreeMap<>();
        classes.forEach((name, bytes) ->
                copy.put(checkName(name), Objects.requireNonNull(bytes, () -> "the bytes of " + name).clone()));
        return Collections.unmodifiableMap(copy);
    }

    /** A binary name maps to a file under the output directory: no empty segment, no separator. */
    private static String checkName(String name) {
        Objects.requireNonNull(name, "a class name is null");
        for (String segment : name.split("\\.", -1)) {
            if (segment.isEmpty() || segment.indexOf('/') >= 0 || segment.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("not a binary class name: " + name);
            }
        }
        return name;
    }
}
