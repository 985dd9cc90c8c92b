package darwin.mutation.edit;

import java.util.List;

/**
 * A replacement as lines, for the line-based strategies: the search text without the blank lines
 * at its ends, and the replacement without as many blank lines at its own ends (so that a search
 * text written with a blank line around it does not add or remove one).
 */
record Block(List<String> search, List<String> replacement) {

    static Block of(String search, String replace) {
        List<String> lines = Lines.split(search);
        int lead = 0;
        while (lead < lines.size() && lines.get(lead).isBlank()) {
            lead++;
        }
        int trail = 0;
        while (trail < lines.size() - lead && lines.get(lines.size() - 1 - trail).isBlank()) {
            trail++;
        }
        List<String> replacement = Lines.split(replace);
        int from = 0;
        while (from < lead && from < replacement.size() && replacement.get(from).isBlank()) {
            from++;
        }
        int to = replacement.size();
        while (replacement.size() - to < trail && to > from && replacement.get(to - 1).isBlank()) {
            to--;
        }
        return new Block(lines.subList(lead, lines.size() - trail), replacement.subList(from, to));
    }

    /** A line as the line-based strategies compare it: stripped, inner runs of whitespace made one space. */
    static String normalise(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }

    List<String> normalisedSearch() {
        return search.stream().map(Block::normalise).toList();
    }

    /**
     * The replacement of file lines {@code [first, first + search.size())}, re-indented as a block
     * ({@link Indentation}); a replacement with no lines removes the lines with their line ends.
     */
    Location place(Lines file, int first, MatchStrategy strategy, double similarity) {
        int last = first + search.size() - 1;
        LineRange range = new LineRange(first + 1, last + 1);
        List<String> shifted = Indentation.between(search, file.all().subList(first, last + 1), file.all())
                .apply(replacement);
        int start = file.start(first);
        int end = file.end(last);
        if (shifted.isEmpty()) {
            String text = file.text();
            if (last + 1 < file.count()) {
                end = file.start(last + 1);
            } else {
                end = text.length();
                if (start > 0 && !text.endsWith("\n")) {
                    start--;
                }
            }
            return new Location(start, end, "", range, strategy, similarity);
        }
        return new Location(start, end, String.join("\n", shifted), range, strategy, similarity);
    }
}
