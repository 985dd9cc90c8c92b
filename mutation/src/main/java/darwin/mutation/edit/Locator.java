package darwin.mutation.edit;

import darwin.core.Edit;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where a replacement goes: the exact search text, once; else its lines ignoring
 * whitespace, once; else a near match under the {@link FuzzyRule}. A search text found several
 * times by a strategy fails there; the looser strategies are not tried.
 */
final class Locator {

    private Locator() {
    }

    static Outcome locate(String text, Edit.Replace edit, FuzzyRule rule) {
        String search = edit.search();
        List<Integer> hits = occurrences(text, search);
        if (hits.size() == 1) {
            int start = hits.getFirst();
            Lines file = Lines.of(text);
            return new Outcome.Found(new Location(start, start + search.length(), edit.replace(),
                    rangeOf(file, start, search.length()), MatchStrategy.EXACT, 1));
        }
        if (hits.size() > 1) {
            Lines file = Lines.of(text);
            return new Outcome.Refused(new Problem.Repeated(MatchStrategy.EXACT,
                    hits.stream().map(start -> rangeOf(file, start, search.length())).toList()));
        }
        Block block = Block.of(search, edit.replace());
        if (block.search().isEmpty()) {
            return new Outcome.Refused(new Problem.BlankSearch());
        }
        Lines file = Lines.of(text);
        List<Integer> starts = looseMatches(file, block);
        if (starts.size() == 1) {
            return new Outcome.Found(block.place(file, starts.getFirst(), MatchStrategy.WHITESPACE, 1));
        }
        if (starts.size() > 1) {
            int size = block.search().size();
            return new Outcome.Refused(new Problem.Repeated(MatchStrategy.WHITESPACE,
                    starts.stream().map(first -> new LineRange(first + 1, first + size)).toList()));
        }
        return new FuzzySearch(file, block, rule).locate();
    }

    /** Every start of {@code search} in {@code text}, overlapping ones included. */
    private static List<Integer> occurrences(String text, String search) {
        List<Integer> hits = new ArrayList<>();
        for (int at = text.indexOf(search); at >= 0; at = text.indexOf(search, at + 1)) {
            hits.add(at);
        }
        return hits;
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
