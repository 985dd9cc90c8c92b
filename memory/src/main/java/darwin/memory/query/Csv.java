package darwin.memory.query;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Comma-separated values as RFC 4180 writes them: a field that holds a comma, a double quote, a
 * carriage return or a line feed is put in double quotes, its own double quotes doubled; records
 * end with CR LF. A line break inside a quoted field is kept as it is.
 */
public final class Csv {

    /** The end of a record. */
    public static final String RECORD_END = "\r\n";

    private Csv() {}

    /** One field, quoted where it must be. */
    public static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** One record, its end included. */
    public static String record(List<String> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",", "", RECORD_END));
    }
}
