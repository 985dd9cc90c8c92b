package darwin.mutation.reply;

import darwin.core.Variant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a path written in a reply is read: surrounding quotes, backticks, emphasis and a leading
 * {@code ./} are dropped, and the result must be a relative path ({@link Variant#checkPath}).
 * Whether it lies under {@code program/} is the edit applier's question, not the parser's.
 */
final class EditPaths {

    private static final Pattern LABEL = Pattern.compile("(?i)^(?:file(?:name)?|path)\\s*:\\s*");
    private static final Pattern DECORATION = Pattern.compile("^[\\s#*`'\"\\->]+|[\\s*`'\":]+$");
    private static final Pattern PATH = Pattern.compile("[^\\s`'\"*]+");
    private static final Pattern QUOTED = Pattern.compile("`([^`\\s]+)`");
    private static final Pattern PROGRAM_WORD = Pattern.compile("(?<![\\w/.-])program/[\\w$./-]*[\\w$-]");

    private EditPaths() {
    }

    /** A path as written, tidied; empty when nothing is left. */
    static String tidy(String written) {
        String path = DECORATION.matcher(written).replaceAll("");
        path = LABEL.matcher(path).replaceFirst("");
        path = DECORATION.matcher(path).replaceAll("");
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        return path;
    }

    /**
     * The path on a line that is meant to name a file: the whole line tidied, or else the one
     * backticked path in it, or else the one word in it that starts with {@code program/}
     * ({@code Then in program/p/A.java:}); empty when the line names no file, or several.
     */
    static String onLine(String line) {
        String whole = tidy(line);
        if (looksLikePath(whole)) {
            return whole;
        }
        String quoted = theOnly(QUOTED.matcher(line).results().map(match -> tidy(match.group(1))).toList());
        if (!quoted.isEmpty()) {
            return quoted;
        }
        return theOnly(PROGRAM_WORD.matcher(line).results().map(match -> tidy(match.group())).toList());
    }

    /** The one candidate that looks like a path; empty when none does, or several. */
    private static String theOnly(List<String> candidates) {
        List<String> paths = candidates.stream().filter(EditPaths::looksLikePath).distinct().toList();
        return paths.size() == 1 ? paths.getFirst() : "";
    }

    /** Checks a tidied path; the message names the edit. */
    static String check(String path, String edit) throws MalformedReply {
        if (path.isEmpty()) {
            throw new MalformedReply(edit + " has an empty path; give the file's path, such as"
                    + " program/darwin/program/GptConfig.java.");
        }
        try {
            return Variant.checkPath(path);
        } catch (IllegalArgumentException e) {
            throw new MalformedReply(edit + "'s path " + Excerpts.quote(path) + " is not usable: " + e.getMessage()
                    + ". Paths are relative, with forward slashes, and start with program/.");
        }
    }

    private static boolean looksLikePath(String text) {
        return !text.isEmpty() && PATH.matcher(text).matches() && (text.indexOf('/') >= 0 || text.indexOf('.') > 0);
    }
}
