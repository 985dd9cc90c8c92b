package darwin.population.upgrade;

import darwin.core.Variant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the file a {@code SCRIPT} request adds to the program. Where it goes is said by a first
 * line {@code path: program/…} (also as a {@code //} or {@code #} comment), or, for Java source,
 * follows from its package and its first top-level type; the file always lands under
 * {@code program/}.
 */
final class ScriptValue {

    private static final Pattern PATH_LINE = Pattern.compile("\\A\\s*(?://|#)?\\s*path\\s*:\\s*(\\S+)[ \\t]*\\R");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern TYPE = Pattern.compile(
            "(?m)^\\s*(?:public\\s+|final\\s+|abstract\\s+|sealed\\s+|non-sealed\\s+)*(?:class|interface|enum|record)\\s+(\\w+)");

    private ScriptValue() {}

    static Map<String, String> read(String text) throws UpgradeException {
        if (text == null || text.isBlank()) {
            throw new UpgradeException("the script is empty; give its file with approve ID --with FILE");
        }
        Matcher path = PATH_LINE.matcher(text);
        if (path.find()) {
            return Map.of(underProgram(path.group(1)), text.substring(path.end()));
        }
        Matcher type = TYPE.matcher(text);
        if (type.find()) {
            Matcher pkg = PACKAGE.matcher(text);
            String folder = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
            return Map.of("program/" + folder + type.group(1) + ".java", text);
        }
        throw new UpgradeException("cannot tell where the script goes: it declares no Java type; start it with a line"
                + " 'path: program/…'");
    }

    static String underProgram(String path) throws UpgradeException {
        String relative = path.startsWith("program/") ? path : "program/" + path;
        try {
            return Variant.checkPath(relative);
        } catch (IllegalArgumentException e) {
            throw new UpgradeException(e.getMessage());
        }
    }
}
