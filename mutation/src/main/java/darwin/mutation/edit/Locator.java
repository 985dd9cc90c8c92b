package darwin.mutation.edit;

import darwin.core.Edit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds where a replacement goes: the exact search text, once, where it starts a line; else its
 * lines ignoring whitespace, once; else, when it has no elision line, a near match under the
 * {@link FuzzyRule}. A search text found several times by a strategy fails there; the looser
 * strategies are not tried.
 *
 * <p><b>Exact matches start a line.</b> An occurrence of the search text counts only where its
 * first line begins a file line, after nothing but that line's indentation, and where it does not
 * end inside a word (a search text {@code x = 1} is not found in {@code x = 10;}). Within a longer
 * line, {@code LR = 1e-4;} in {@code static final double MIN_LR = 1e-4;}, it is not an exact
 * match: a text that happens to occur inside another line is not the line the model meant. An
 * occurrence after indentation that the search text left out is taken from the start of its line,
 * and the replacement is re-indented as a block ({@link Indentation}), so that a multi-line
 * replacement of an unindented one-line search keeps the file's indentation and an empty one
 * removes the whole line.
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
     * The exact match at {@code start}: the text replaced as it is when it starts its line (or
     * starts with a blank line), else from the line's start with the replacement re-indented.
     */
    private static Location exact(Lines file, int start, Edit.Replace edit) {
        String search = edit.search();
        int end = start + search.length();
        LineRange range = rangeOf(file, start, search.length());
        int line = file.lineAt(start);
        int lineStart = file.start(line);
        if (lineStart == start || firstNonBlankLine(search) > 0) {
            return new Location(start, end, edit.replace(), range, MatchStrategy.EXACT, 1);
        }
        List<String> searchLines = List.of(search.split("\n", -1));
        List<String> matched = file.all().subList(line, Math.min(file.count(), line + searchLines.size()));
        String replacement = Indentation.between(searchLines, matched, file.all()).applyToText(edit.replace());
        return new Location(lineStart, end, replacement, range, MatchStrategy.EXACT, 1);
    }

    /**
     * Every start of {@code search} in {@code text}, overlapping ones included, whose first non-blank
     * line begins a file line after nothing but whitespace and whose end does not cut a word in two.
     */
    private static List<Integer> anchoredOccurrences(String text, String search) {
        int firstLine = firstNonBlankLine(search);
        char last = search.charAt(search.length() - 1);
        List<Integer> hits = new ArrayList<>();
        for (int at = text.indexOf(search); at >= 0; at = text.indexOf(search, at + 1)) {
            int end = at + search.length();
            boolean startsLine = firstLine > 0 || onlyIndentationBefore(text, at);
            boolean cutsWord = end < text.length() && isWordPart(last) && isWordPart(text.charAt(end));
            if (startsLine && !cutsWord) {
                hits.add(at);
            }
        }
        return hits;
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
