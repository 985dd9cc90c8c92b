package darwin.memory.ledger;

import darwin.memory.AtomicFiles;
import darwin.memory.JsonLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The run's append-only event log, {@code ledger.jsonl}: one JSON object per line with
 * {@code schema}, {@code id}, {@code seq}, {@code type}, {@code time} and {@code data}, the data
 * being one {@link LedgerEvent}.
 *
 * <p>Opening a ledger reads it whole and drops a last line cut off by a crash (see
 * {@link JsonLines}); a bad line anywhere else is an error naming the line, and nothing is
 * written. Appends are forced to the disk before they return.
 *
 * <p>Once: an event with an {@link LedgerEvent#identity() identity} is held once per record kind
 * and identity. A second append of it is ignored, looked up in an index rather than by reading the
 * events, so that a step done again after a crash records nothing twice. In a file written before
 * this rule, the first of two such events is the one held.
 *
 * <p>Concurrency: one writer per run (the run's process); every method is synchronized, so that
 * the check and the append of an event are one step.
 */
public final class Ledger {

    /** Version of the line format. */
    public static final int SCHEMA = 1;

    private final Path file;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final Map<Held, LedgerEntry> held = new HashMap<>();

    /** What the index holds an event under: its record kind and its identity. */
    private record Held(Class<? extends LedgerEvent> kind, String identity) {

        static Optional<Held> of(LedgerEvent event) {
            return event.identity().map(identity -> new Held(event.getClass(), identity));
        }
    }

    /**
     * Opens a run's ledger for appending, reading what it holds; a missing file is an empty ledger.
     *
     * @throws darwin.memory.MemoryFormatException naming the file and the line that cannot be read
     */
    public Ledger(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (LedgerEntry entry : LedgerJson.read(file, true)) {
            add(entry);
        }
    }

    /**
     * Reads a ledger's entries without opening it for writing: a last line cut off by a crash (or
     * still being appended by a live run) is skipped and left in place, so that a reader, such as a
     * report, never changes the file of a run that is going on.
     */
    public static List<LedgerEntry> read(Path file) {
        return List.copyOf(LedgerJson.read(file, false));
    }

    /**
     * Appends an event, unless one of its kind and identity is there already.
     *
     * @return the entry appended, or empty when the ledger holds the event already
     */
    public synchronized Optional<LedgerEntry> append(LedgerEvent event) {
        Optional<Held> identity = Held.of(event);
        if (identity.isPresent() && held.containsKey(identity.get())) {
            return Optional.empty();
        }
        long sequence = entries.size() + 1L;
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        LedgerEntry entry = new LedgerEntry(String.format("%06d-%s", sequence, HexFormat.of().formatHex(suffix)),
                sequence, Instant.now(clock), event);
        try {
            AtomicFiles.appendLine(file, LedgerJson.line(entry));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
        add(entry);
        return Optional.of(entry);
    }

    /** The event of record kind {@code kind} with identity {@code identity}, if the ledger holds one. */
    public synchronized <E extends LedgerEvent> Optional<E> find(Class<E> kind, String identity) {
        return Optional.ofNullable(held.get(new Held(kind, identity))).map(entry -> kind.cast(entry.event()));
    }

    /** Every entry, oldest first. */
    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    /** The entries of one type, oldest first. */
    public synchronized List<LedgerEntry> entries(EventType type) {
        return entries.stream().filter(e -> e.type() == type).toList();
    }

    /** The events of a kind (a record, or a sealed family of them), oldest first. */
    public synchronized <E extends LedgerEvent> List<E> events(Class<E> kind) {
        return LedgerEvents.of(entries, kind);
    }

    public Path file() {
        return file;
    }

    private void add(LedgerEntry entry) {
        entries.add(entry);
        Held.of(entry.event()).ifPresent(identity -> held.putIfAbsent(identity, entry));
    }
}
