package darwin.memory;

import java.nio.file.Path;

/** A memory file that cannot be read; the message names the file and, for JSON lines, the line. */
public final class MemoryFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    public MemoryFormatException(Path file, long line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line of a JSON-lines file, or 0 for a whole file. */
    public long line() {
        return line;
    }
}
