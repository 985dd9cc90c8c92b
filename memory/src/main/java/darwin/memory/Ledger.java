package darwin.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The run's append-only event log, {@code ledger.jsonl}: one JSON object per line with
 * {@code schema}, {@code id}, {@code seq}, {@code type}, {@code time} and {@code data}.
 *
 * <p>Opening a ledger reads it whole and drops a last line cut off by a crash (see
 * {@link JsonLines}); a bad line anywhere else is an error naming the line, and nothing is
 * written. Appends are forced to the disk before they return.
 *
 * <p>Concurrency: one writer per run (the run's process); appends are synchronized.
 */
public final class Ledger {

    /** Version of the line format. */
    public static final int SCHEMA = 1;

    private final Path file;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final List<LedgerEntry> entries = new ArrayList<>();

    public Ledger(Path file, ObjectMapper json, Clock clock) {
        this.file = file;
        this.json = json;
        this.clock = clock;
        for (JsonLines.Line line : JsonLines.read(file, json, true)) {
            entries.add(parse(file, line.number(), line.node()));
        }
    }

    /**
     * Reads a ledger's entries without opening it for writing: a last line cut off by a crash (or
     * still being appended by a live run) is skipped and left in place, so that a reader, such as a
     * report, never changes the file of a run that is going on.
     */
    public static List<LedgerEntry> read(Path file, ObjectMapper json) {
        List<LedgerEntry> entries = new ArrayList<>();
        for (JsonLines.Line line : JsonLines.read(file, json, false)) {
            entries.add(parse(file, line.number(), line.node()));
        }
        return List.copyOf(entries);
    }

    /** Appends an event and returns its entry. */
    public synchronized LedgerEntry append(EventType type, JsonNode data) {
        long sequence = entries.size() + 1L;
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        LedgerEntry entry = new LedgerEntry(String.format("%06d-%s", sequence, HexFormat.of().formatHex(suffix)),
                sequence, type, Instant.now(clock), data);
        ObjectNode line = json.createObjectNode();
        line.put("schema", SCHEMA);
        line.put("id", entry.id());
        line.put("seq", entry.sequence());
        line.put("type", entry.type().name());
        line.put("time", entry.time().toString());
        line.set("data", data);
        try {
            AtomicFiles.appendLine(file, json.writeValueAsBytes(line));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the event cannot be written as JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
        entries.add(entry);
        return entry;
    }

    /** Every entry, oldest first. */
    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    /** The entries of one type, oldest first. */
    public synchronized List<LedgerEntry> entries(EventType type) {
        return entries.stream().filter(e -> e.type() == type).toList();
    }

    public Path file() {
        return file;
    }

    private static LedgerEntry parse(Path file, int line, JsonNode node) {
        int schema = node.path("schema").asInt(-1);
        if (schema > SCHEMA) {
            throw new MemoryFormatException(file, line, "has schema " + schema + ", newer than this darwin reads (" + SCHEMA
                    + "); update darwin", null);
        }
        try {
            return new LedgerEntry(node.path("id").asText(), node.path("seq").asLong(),
                    EventType.valueOf(node.path("type").asText()), Instant.parse(node.path("time").asText()),
                    node.path("data"));
        } catch (RuntimeException e) {
            throw new MemoryFormatException(file, line, "is not a ledger entry: " + e.getMessage(), e);
        }
    }
}
