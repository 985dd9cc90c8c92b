package darwin.mutation.edit;

/**
 * Where an edit goes in a file and what it puts there.
 *
 * @param start the first character replaced
 * @param end one past the last character replaced
 * @param replacement what replaces them
 * @param lines the lines matched, for the report
 * @param strategy how they were found
 * @param similarity how closely they matched
 */
record Location(int start, int end, String replacement, LineRange lines, MatchStrategy strategy, double similarity) {

    String applyTo(String text) {
        return text.substring(0, start) + replacement + text.substring(end);
    }

    EditReport report(int index, String path) {
        return new EditReport(index, path, strategy, lines, similarity);
    }
}
