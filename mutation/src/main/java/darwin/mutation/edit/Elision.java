package darwin.mutation.edit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A line of an edit that stands for lines left out: an ellipsis ({@code ...} or {@code …}) alone
 * or opening a comment, as in {@code // ...}, {@code // ... existing code ...} or {@code # …}.
 *
 * <p>Models write such lines to shorten what they quote. The applier takes no line as standing
 * for others: a search text is matched against the file as written, so an elision in it would be
 * matched, nearly, against a real line and the replacement written over that line; a replacement
 * is written as it stands, so an elision in it would put a comment where the code it stands for
 * was. Either is refused ({@link Problem.Elided}) unless the line is real: a search text with one
 * is refused only when it matches neither exactly nor ignoring whitespace, and a replacement line
 * that the search text also holds is kept.
 *
 * @param part the search text or the replacement
 * @param line the elision's line in that text, from 1
 * @param text the line as written
 */
public record Elision(Part part, int line, String text) {

    /** The part of an edit an elision is in. */
    public enum Part {
        SEARCH("search text"),
        REPLACEMENT("replacement");

        private final String noun;

        Part(String noun) {
            this.noun = noun;
        }

        /** {@code search text} or {@code replacement}. */
        public String noun() {
            return noun;
        }
    }

    private static final Pattern ELISION = Pattern.compile("^\\s*(?://+|#+|/\\*+|<!--)?\\s*(?:\\.\\.\\.|…).*$");

    public Elision {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(text, "text");
        if (line < 1) {
            throw new IllegalArgumentException("lines are numbered from 1, got " + line);
        }
    }

    /** Whether a line is an elision. */
    static boolean is(String line) {
        return ELISION.matcher(line).matches();
    }

    /** The first elision of a search text. */
    static Optional<Elision> inSearch(String search) {
        List<String> lines = Lines.split(search);
        for (int i = 0; i < lines.size(); i++) {
            if (is(lines.get(i))) {
                return Optional.of(new Elision(Part.SEARCH, i + 1, lines.get(i)));
            }
        }
        return Optional.empty();
    }

    /** The first elision of a replacement that the search text does not hold too (ignoring whitespace). */
    static Optional<Elision> inReplacement(String search, String replacement) {
        Set<String> quoted = Set.copyOf(Lines.split(search).stream().map(Block::normalise).toList());
        List<String> lines = Lines.split(replacement);
        for (int i = 0; i < lines.size(); i++) {
            if (is(lines.get(i)) && !quoted.contains(Block.normalise(lines.get(i)))) {
                return Optional.of(new Elision(Part.REPLACEMENT, i + 1, lines.get(i)));
            }
        }
        return Optional.empty();
    }
}
