package darwin.trainer.build;

import java.util.Locale;
import java.util.Objects;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * One problem the compiler reported, located in the sources as they were given.
 *
 * @param kind how serious it is
 * @param path the source's relative path (such as {@code darwin/seed/NanoGpt.java}), the name of
 *     the classpath file it concerns, or {@code ""} when it concerns no file
 * @param line the 1-based line, 0 when unknown
 * @param column the 1-based column, counted in characters (a tab is one), 0 when unknown
 * @param message javac's message, one or more lines
 * @param sourceLine the text of that line of the source, without its line terminator; {@code ""}
 *     when unknown
 */
public record CompilerDiagnostic(Kind kind, String path, long line, long column, String message, String sourceLine) {

    /** How serious a diagnostic is. */
    public enum Kind {
        /** The sources do not compile. */
        ERROR,
        /** A warning, mandatory or not. */
        WARNING,
        /** Anything else javac has to say. */
        NOTE;

        static Kind of(Diagnostic.Kind kind) {
            return switch (kind) {
                case ERROR -> ERROR;
                case WARNING, MANDATORY_WARNING -> WARNING;
                case NOTE, OTHER -> NOTE;
            };
        }

        /** The word javac prints for this kind. */
        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CompilerDiagnostic {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sourceLine, "sourceLine");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0 (0 when unknown), got " + line + ":" + column);
        }
        if (line == 0 && column != 0) {
            throw new IllegalArgumentException("a column needs a line, got column " + column + " on no line");
        }
        if (sourceLine.indexOf('\n') >= 0 || sourceLine.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the source line must be a single line, got " + sourceLine);
        }
    }

    /**
     * Reads a javac diagnostic. For a source given to the compiler the column is counted in
     * characters from the diagnostic's offset: javac's own column expands tabs to multiples of 8.
     */
    static CompilerDiagnostic of(Diagnostic<? extends JavaFileObject> diagnostic) {
        Kind kind = Kind.of(diagnostic.getKind());
        String message = Objects.requireNonNullElse(diagnostic.getMessage(Locale.ROOT), "").strip();
        long line = Math.max(0, diagnostic.getLineNumber());
        JavaFileObject source = diagnostic.getSource();
        if (source instanceof SourceFile file) {
            if (line == 0) {
                return new CompilerDiagnostic(kind, file.path(), 0, 0, message, "");
            }
            int start = file.lineStart(line);
            int end = file.lineEnd(start);
            long position = diagnostic.getPosition();
            long column = position == Diagnostic.NOPOS ? 0 : Math.clamp(position - start + 1, 1, end - start + 1);
            return new CompilerDiagnostic(kind, file.path(), line, column, message, file.content().substring(start, end));
        }
        String path = source == null ? "" : source.getName();
        long column = line == 0 ? 0 : Math.max(0, diagnostic.getColumnNumber());
        return new CompilerDiagnostic(kind, path, line, column, message, "");
    }

    /** Whether this diagnostic makes the compilation fail. */
    public boolean isError() {
        return kind == Kind.ERROR;
    }

    /**
     * The diagnostic as javac prints it: {@code path:line:column: error: message}, then the source
     * line and a caret under the column, then the message's further lines (such as javac's {@code
     * symbol:} and {@code location:} details). Parts that are unknown are left out.
     */
    public String render() {
        StringBuilder text = new StringBuilder();
        if (!path.isEmpty()) {
            text.append(path);
            if (line > 0) {
                text.append(':').append(line);
                if (column > 0) {
                    text.append(':').append(column);
                }
            }
            text.append(": ");
        }
        String[] lines = message.split("\\R", -1);
        text.append(kind.label()).append(": ").append(lines[0]);
        if (!sourceLine.isEmpty()) {
            text.append('\n').append(sourceLine);
            if (column > 0) {
                text.append('\n').append(caret());
            }
        }
        for (int i = 1; i < lines.length; i++) {
            text.append('\n').append(lines[i]);
        }
        return text.toString();
    }

    /** Spaces up to the column, keeping the source line's tabs so the caret lines up however tabs are shown. */
    private String caret() {
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column - 1; i++) {
            caret.append(i < sourceLine.length() && sourceLine.charAt(i) == '\t' ? '\t' : ' ');
        }
        return caret.append('^').toString();
    }
}
