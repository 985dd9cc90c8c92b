package darwin.mutation.edit;

import darwin.core.Edit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds where a replacement goes: the exact search text, once, where it is anchored; else its
 * lines ignoring whitespace, once; else, when it has no elision line, a near match under the
 * {@link FuzzyRule}. A search text found several times by a strategy fails there; the looser
 * strategies are not tried.
 *
 * <p><b>Where an exact match counts.</b> Never where it starts or ends inside a word: neither
 * {@code LR = 1e-4;} in {@code static final double MIN_LR = 1e-4;} nor {@code x = 1} in
 * {@code x = 10;} is what the model meant. Beyond that:
 *
 * <ul>
 *   <li>A search text with a line end (the text form's always have one) is made of lines, and
 *       counts only where its first line begins a file line, after nothing but that line's
 *       indentation. Inside a longer line ({@code start();\n} in {@code if (ready) start();}) it
 *       is not found exactly. Where it starts after indentation it left out, it is taken from the
 *       start of its line and the replacement is re-indented as a block ({@link Indentation}): a
 *       multi-line replacement of an unindented one-line search keeps the file's indentation, and
 *       an empty one removes the whole line instead of joining two.
 *   <li>A fragment, a search text without a line end ({@code Set.of(POSITION_EMBEDDING)}), may
 *       lie anywhere within a line and is replaced in place, as the offline catalog's one-token
 *       edits need. Lines of its replacement after the first are written as they are when each
 *       is indented at least as deeply as the file line, else re-indented as a block under it.
 * </ul>
 */
final class Locator {

    private Locator() {
    }

    static Outcome locate(String text, Edit.Replace edit, FuzzyRule rule) {
        String search = edit.search();
        Block block = Block.of(search, edit.replace());
        if (block.search().isEmpty()) {
            return new Outcome.Refused(new Problem.BlankSearch());
        }
        Optional<Elision> elidedReplacement = Elision.inReplacement(search, edit.replace());
        if (elidedReplacement.isPresent()) {
            return new Outcome.Refused(new Problem.Elided(elidedReplacement.get()));
        }
        Lines file = Lines.of(text);
        List<Integer> hits = anchoredOccurrences(text, search);
        if (hits.size() == 1) {
            return new Outcome.Found(exact(file, hits.getFirst(), edit));
        }
        if (hits.size() > 1) {
            return new Outcome.Refused(new Problem.Repeated(MatchStrategy.EXACT,
                    hits.stream().map(start -> rangeOf(file, start, search.length())).toList()));
        }
        List<Integer> starts = looseMatches(file, block);
        if (starts.size() == 1) {
            return new Outcome.Found(block.place(file, starts.getFirst(), MatchStrategy.WHITESPACE, 1));
        }
        if (starts.size() > 1) {
            int size = block.search().size();
            return new Outcome.Refused(new Problem.Repeated(MatchStrategy.WHITESPACE,
                    starts.stream().map(first -> new LineRange(first + 1, first + size)).toList()));
        }
        Optional<Elision> elidedSearch = Elision.inSearch(search);
        if (elidedSearch.isPresent()) {
            return new Outcome.Refused(new Problem.Elided(elidedSearch.get()));
        }
        return new FuzzySearch(file, block, rule).locate();
    }

    /**
     * The exact match at {@code start}. A fragment is replaced in place. A search text with a line
     * end is replaced as it is when it starts its line (or starts with a blank line), else from the
     * line's start with the replacement re-indented as a block.
     */
    private static Location exact(Lines file, int start, Edit.Replace edit) {
        String search = edit.search();
        int end = start + search.length();
        LineRange range = rangeOf(file, start, search.length());
        int line = file.lineAt(start);
        int lineStart = file.start(line);
        if (isFragment(search)) {
            return new Location(start, end, inPlace(file, line, edit.replace()), range, MatchStrategy.EXACT, 1);
        }
        if (lineStart == start || firstNonBlankLine(search) > 0) {
            return new Location(start, end, edit.replace(), range, MatchStrategy.EXACT, 1);
        }
        List<String> searchLines = List.of(search.split("\n", -1));
        List<String> matched = file.all().subList(line, Math.min(file.count(), line + searchLines.size()));
        String replacement = Indentation.between(searchLines, matched, file.all()).applyToText(edit.replace());
        return new Location(lineStart, end, replacement, range, MatchStrategy.EXACT, 1);
    }

    /**
     * A fragment's replacement, to go where the fragment was in file line {@code line}: its first
     * line as it is; the lines after it as they are when each is indented at least by the file
     * line's indentation (written whole, as the catalog writes them), else re-indented as a block
     * under that indentation (written relative to the fragment).
     */
    private static String inPlace(Lines file, int line, String replacement) {
        String indentation = Indentation.of(file.get(line));
        List<String> lines = List.of(replacement.split("\n", -1));
        List<String> after = lines.subList(1, lines.size());
        if (after.stream().allMatch(next -> next.isBlank() || next.startsWith(indentation))) {
            return replacement;
        }
        return lines.getFirst() + "\n" + String.join("\n", Indentation.under(indentation, file.all()).apply(after));
    }

    /**
     * Every start of {@code search} in {@code text}, overlapping ones included, that neither starts
     * nor ends inside a word and, for a search text with a line end, whose first non-blank line
     * begins a file line after nothing but whitespace.
     */
    private static List<Integer> anchoredOccurrences(String text, String search) {
        boolean fragment = isFragment(search);
        int firstLine = firstNonBlankLine(search);
        char first = search.charAt(0);
        char last = search.charAt(search.length() - 1);
        List<Integer> hits = new ArrayList<>();
        for (int at = text.indexOf(search); at >= 0; at = text.indexOf(search, at + 1)) {
            int end = at + search.length();
            boolean starts = fragment
                    ? at == 0 || !isWordPart(text.charAt(at - 1)) || !isWordPart(first)
                    : firstLine > 0 || onlyIndentationBefore(text, at);
            boolean cutsWord = end < text.length() && isWordPart(last) && isWordPart(text.charAt(end));
            if (starts && !cutsWord) {
                hits.add(at);
            }
        }
        return hits;
    }

    /** Whether a search text lies within one line: it has no line end. */
    private static boolean isFragment(String search) {
        return search.indexOf('\n') < 0;
    }

    /** Where the search text's first non-blank line starts in it: 0, or just after a line end. */
    private static int firstNonBlankLine(String search) {
        int start = 0;
        for (int end = search.indexOf('\n'); end >= 0; end = search.indexOf('\n', start)) {
            if (!search.substring(start, end).isBlank()) {
                return start;
            }
            start = end + 1;
        }
        return start;
    }

    /** Whether the characters between the start of {@code at}'s line and {@code at} are spaces and tabs. */
    private static boolean onlyIndentationBefore(String text, int at) {
        for (int i = at - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The lines that hold characters {@code [start, start + length)}. */
    private static LineRange rangeOf(Lines file, int start, int length) {
        return new LineRange(file.lineAt(start) + 1, file.lineAt(start + Math.max(0, length - 1)) + 1);
    }

    /** The first lines of every window whose lines equal the search text's, normalised. */
    private static List<Integer> looseMatches(Lines file, Block block) {
        List<String> search = block.normalisedSearch();
        List<String> lines = file.all().stream().map(Block::normalise).toList();
        List<Integer> starts = new ArrayList<>();
        for (int first = 0; first + search.size() <= lines.size(); first++) {
            if (lines.subList(first, first + search.size()).equals(search)) {
                starts.add(first);
            }
        }
        return starts;
    }
}
