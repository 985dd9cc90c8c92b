package darwin.mutation.edit;

/** How an edit found its place in a file, from the strictest to the loosest. */
public enum MatchStrategy {
    /** The search text occurs once in the file, character for character. */
    EXACT,
    /**
     * The search text's lines equal the file's once leading and trailing whitespace is dropped and
     * runs of inner whitespace are made one space; blank lines at its ends are left out.
     */
    WHITESPACE,
    /** A near match of as many lines as the search text, under a {@link FuzzyRule}. */
    FUZZY,
    /** The edit wrote the whole file. */
    WHOLE_FILE;

    /** How a report says it: {@code matched exactly}, … */
    String verb() {
        return switch (this) {
            case EXACT -> "matched exactly";
            case WHITESPACE -> "matched ignoring whitespace";
            case FUZZY -> "matched approximately";
            case WHOLE_FILE -> "wrote the whole file";
        };
    }
}
