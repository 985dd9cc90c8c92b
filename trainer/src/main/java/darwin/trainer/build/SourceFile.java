package darwin.trainer.build;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.tools.SimpleJavaFileObject;

/**
 * One source file held in memory. Its name is the relative path it was given, so that javac's
 * diagnostics carry that path rather than a URI.
 */
final class SourceFile extends SimpleJavaFileObject {

    private final String path;
    private final String content;

    private SourceFile(String path, String content) {
        super(uri(path), Kind.SOURCE);
        this.path = path;
        this.content = content;
    }

    /**
     * The {@code .java} entries of a source map, in the map's order; other files are left out.
     *
     * @throws IllegalArgumentException when the map is empty, holds no {@code .java} file, or a key
     *     is not a plain relative path
     */
    static List<SourceFile> of(Map<String, String> sources) {
        Objects.requireNonNull(sources, "sources");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("there are no sources to compile: the source map is empty");
        }
        List<SourceFile> files = new ArrayList<>();
        sources.forEach((path, content) -> {
            checkPath(path);
            Objects.requireNonNull(content, () -> "the content of " + path + " is null");
            if (path.endsWith(".java")) {
                files.add(new SourceFile(path, content));
            }
        });
        if (files.isEmpty()) {
            throw new IllegalArgumentException("there are no .java files among the sources: " + sources.keySet());
        }
        return files;
    }

    /** Rejects a path that is empty, absolute, or steps out of its root with {@code ..}. */
    static void checkPath(String path) {
        Objects.requireNonNull(path, "a source path is null");
        if (path.isBlank()) {
            throw new IllegalArgumentException("a source path is empty");
        }
        if (path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
            throw new IllegalArgumentException(
                    "a source path must be relative, such as darwin/seed/NanoGpt.java, got " + path);
        }
        for (String segment : path.split("[/\\\\]", -1)) {
            if (segment.equals("..") || segment.equals(".") || segment.isEmpty()) {
                throw new IllegalArgumentException(
                        "a source path must not contain '..', '.' or empty segments, got " + path);
            }
        }
    }

    private static URI uri(String path) {
        try {
            return new URI("memory", null, "/" + path, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a usable source path: " + path, e);
        }
    }

    String path() {
        return path;
    }

    /**
     * The offset of the first character of a 1-based line; lines end at {@code \n}, {@code \r\n} or
     * {@code \r}, as javac counts them. The content's length when the line is past the end.
     */
    int lineStart(long line) {
        int offset = 0;
        for (long current = 1; current < line; current++) {
            int end = lineEnd(offset);
            if (end == content.length()) {
                return end;
            }
            offset = content.startsWith("\r\n", end) ? end + 2 : end + 1;
        }
        return offset;
    }

    /** The offset of the line terminator (or the end of the content) at or after {@code offset}. */
    int lineEnd(int offset) {
        int end = offset;
        while (end < content.length() && content.charAt(end) != '\n' && content.charAt(end) != '\r') {
            end++;
        }
        return end;
    }

    String content() {
        return content;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return content;
    }

    @Override
    public String getName() {
        return path;
    }

    @Override
    public String toString() {
        return path;
    }
}
