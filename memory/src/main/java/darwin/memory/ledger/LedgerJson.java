package darwin.memory.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import darwin.memory.JsonLines;
import darwin.memory.MemoryFormatException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one mapper between ledger lines and {@link LedgerEntry} records. A line is an envelope
 * ({@code schema}, {@code id}, {@code seq}, {@code type}, {@code time}) around the event's
 * {@code data}, which reads as the record its {@link EventType} names.
 *
 * <p>Old lines: a line of schema 1, or of the darwin before lines carried a schema, reads with the
 * records themselves, as every field added since is optional and defaults to what older lines
 * meant by leaving it out; fields this darwin does not know are passed over. A line of a newer
 * schema is refused by name.
 */
final class LedgerJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private LedgerJson() {}

    /** A line as it is written and read: the envelope and the event's fields. */
    private record Line(int schema, String id, long seq, EventType type, String time, JsonNode data) {}

    /** The line of an entry, without its newline. */
    static byte[] line(LedgerEntry entry) {
        Line line = new Line(Ledger.SCHEMA, entry.id(), entry.sequence(), entry.type(), entry.time().toString(),
                data(entry.event()));
        try {
            return MAPPER.writeValueAsBytes(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the event cannot be written as JSON: " + entry.event(), e);
        }
    }

    /** The {@code data} of an event. */
    static JsonNode data(LedgerEvent event) {
        return MAPPER.valueToTree(event);
    }

    /**
     * Reads a ledger file's entries, oldest first; a missing file has none.
     *
     * @param repair whether to truncate a last line cut off by a crash (see {@link JsonLines})
     * @throws MemoryFormatException naming the file and the line that is not an entry
     */
    static List<LedgerEntry> read(Path file, boolean repair) {
        List<LedgerEntry> entries = new ArrayList<>();
        for (JsonLines.Line line : JsonLines.read(file, MAPPER, repair)) {
            entries.add(entry(file, line));
        }
        return entries;
    }

    private static LedgerEntry entry(Path file, JsonLines.Line text) {
        Line line;
        try {
            line = MAPPER.treeToValue(text.node(), Line.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MemoryFormatException(file, text.number(), "is not a ledger entry: " + message(e), e);
        }
        if (line.schema() > Ledger.SCHEMA) {
            throw new MemoryFormatException(file, text.number(), "has schema " + line.schema()
                    + ", newer than this darwin reads (" + Ledger.SCHEMA + "); update darwin", null);
        }
        if (line.type() == null || line.data() == null || line.time() == null || line.id() == null) {
            throw new MemoryFormatException(file, text.number(), "is not a ledger entry: it needs an id, a type, a time"
                    + " and data", null);
        }
        try {
            LedgerEvent event = MAPPER.treeToValue(line.data(), line.type().shape());
            return new LedgerEntry(line.id(), line.seq(), Instant.parse(line.time()), event);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new MemoryFormatException(file, text.number(), "is not a ledger entry: its " + line.type() + " event "
                    + message(e), e);
        }
    }

    /** What is wrong, in words: a field a record needs ({@code has no key}), a value it refuses, or the parser's message. */
    private static String message(Exception e) {
        Throwable cause = e instanceof ValueInstantiationException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof NullPointerException missing && missing.getMessage() != null) {
            return "has no " + missing.getMessage();
        }
        if (cause instanceof IllegalArgumentException refused) {
            return "is refused: " + refused.getMessage();
        }
        return "cannot be read: " + (cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage());
    }
}
