package darwin.mutation.edit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a search text's lines are indented against the file lines they matched, and so how a
 * replacement's lines are to be: whole-block re-indentation.
 *
 * <p><b>Pairs.</b> Each non-blank search line and the file line it matched give a pair of
 * indentations, the search's and the file's. A replacement line indented as some search line gets
 * that line's file indentation, character for character; when two search lines with the same
 * indentation matched file lines with different ones, the first pair counts. So a search text
 * written with another depth, with spaces for the file's tabs, or with only its first line's
 * indentation left out (copied from the middle of a line), still gives every replacement line the
 * indentation the file's own lines have.
 *
 * <p><b>Other depths.</b> A replacement line indented as no search line is placed relative to the
 * deepest pair not deeper than it (or the shallowest pair): it keeps its distance from that pair's
 * search indentation, in columns, counted from the pair's file indentation. When the search text
 * and the file indent with different characters, a tab counts as many columns as one level of the
 * other side's spaces: learnt from two pairs of different depth, else {@value #LEVEL}. The result
 * is written in the file's characters: tabs (and spaces for a remainder) when the matched lines,
 * or else most indented lines of the file, are indented with tabs; spaces otherwise. Blank lines
 * are left as they are.
 */
final class Indentation {

    /** The columns of one indentation level when nothing says otherwise. */
    static final int LEVEL = 4;

    private final Map<String, String> pairs;
    private final boolean fileTabs;
    private final int searchTab;
    private final int fileTab;

    private Indentation(Map<String, String> pairs, boolean fileTabs, int searchTab, int fileTab) {
        this.pairs = pairs;
        this.fileTabs = fileTabs;
        this.searchTab = searchTab;
        this.fileTab = fileTab;
    }

    /** The leading whitespace of a line. */
    static String of(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }

    /**
     * The re-indentation that takes {@code search} lines to the {@code matched} file lines, paired
     * in order; {@code file} is the whole file, consulted for its indent character when the matched
     * lines are not indented.
     */
    static Indentation between(List<String> search, List<String> matched, List<String> file) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(search.size(), matched.size()); i++) {
            if (!search.get(i).isBlank() && !matched.get(i).isBlank()) {
                pairs.putIfAbsent(of(search.get(i)), of(matched.get(i)));
            }
        }
        boolean fileTabs = usesTabs(matched).orElse(usesTabs(file).orElse(false));
        boolean searchTabs = pairs.keySet().stream().anyMatch(indent -> indent.indexOf('\t') >= 0);
        int ratio = ratio(pairs, searchTabs);
        return new Indentation(pairs, fileTabs, searchTabs && !fileTabs ? ratio : LEVEL,
                fileTabs && !searchTabs ? ratio : LEVEL);
    }

    /** The re-indentation that puts unindented lines under {@code indentation}, in {@code file}. */
    static Indentation under(String indentation, List<String> file) {
        return between(List.of("x"), List.of(indentation + "x"), file);
    }

    /** The replacement's lines, re-indented. */
    List<String> apply(List<String> replacement) {
        return replacement.stream().map(this::apply).toList();
    }

    /** A text's lines re-indented, its line ends kept as they are. */
    String applyToText(String replacement) {
        return String.join("\n", apply(List.of(replacement.split("\n", -1))));
    }

    /** One line, re-indented. */
    String apply(String line) {
        if (line.isBlank() || pairs.isEmpty()) {
            return line;
        }
        String indent = of(line);
        String rest = line.substring(indent.length());
        String known = pairs.get(indent);
        if (known != null) {
            return known + rest;
        }
        int width = width(indent, searchTab);
        String reference = nearest(width);
        int target = width(pairs.get(reference), fileTab) + width - width(reference, searchTab);
        return write(Math.max(0, target)) + rest;
    }

    /** The search indentation of the deepest pair not deeper than {@code width}, else of the shallowest pair. */
    private String nearest(int width) {
        String below = null;
        String shallowest = null;
        for (String candidate : pairs.keySet()) {
            int candidateWidth = width(candidate, searchTab);
            if (candidateWidth <= width && (below == null || candidateWidth > width(below, searchTab))) {
                below = candidate;
            }
            if (shallowest == null || candidateWidth < width(shallowest, searchTab)) {
                shallowest = candidate;
            }
        }
        return below != null ? below : shallowest;
    }

    private String write(int columns) {
        return fileTabs ? "\t".repeat(columns / fileTab) + " ".repeat(columns % fileTab) : " ".repeat(columns);
    }

    private static int width(String indent, int tab) {
        int width = 0;
        for (int i = 0; i < indent.length(); i++) {
            width += indent.charAt(i) == '\t' ? tab : 1;
        }
        return width;
    }

    /**
     * The columns of a tab on the side that uses tabs, as the other side's spaces measure a level:
     * from the first two pairs of different depth that give a whole positive number, else {@value #LEVEL}.
     */
    private static int ratio(Map<String, String> pairs, boolean searchTabs) {
        List<Map.Entry<String, String>> entries = List.copyOf(pairs.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                String tabsA = searchTabs ? entries.get(i).getKey() : entries.get(i).getValue();
                String tabsB = searchTabs ? entries.get(j).getKey() : entries.get(j).getValue();
                String spacesA = searchTabs ? entries.get(i).getValue() : entries.get(i).getKey();
                String spacesB = searchTabs ? entries.get(j).getValue() : entries.get(j).getKey();
                int tabs = count(tabsB, '\t') - count(tabsA, '\t');
                int spaces = count(spacesB, ' ') - count(spacesA, ' ');
                if (tabs != 0 && spaces % tabs == 0 && spaces / tabs > 0) {
                    return spaces / tabs;
                }
            }
        }
        return LEVEL;
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(x -> x == c).count();
    }

    /** Whether indented lines mostly start with a tab; empty when no line is indented. */
    private static Optional<Boolean> usesTabs(List<String> lines) {
        int tabs = 0;
        int spaces = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            char c = line.charAt(0);
            if (c == '\t') {
                tabs++;
            } else if (c == ' ') {
                spaces++;
            }
        }
        return tabs + spaces == 0 ? Optional.empty() : Optional.of(tabs > spaces);
    }
}
