package darwin.memory;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * People's suggestions, {@code suggestions.jsonl}: appended by {@code darwin suggest} (while the
 * run is live or stopped), read by the run at every generation.
 *
 * <p>Concurrency: an append holds the file's lock ({@link FileLocks}) so that two people's notes
 * get distinct ids; a line cut off by a crash is dropped and repaired under the same lock.
 */
public final class SuggestionBox {

    private final Path file;
    private final ObjectMapper json;
    private final Clock clock;

    public SuggestionBox(Path file, ObjectMapper json, Clock clock) {
        this.file = file;
        this.json = JsonFiles.withTimes(json);
        this.clock = clock;
    }

    /** Writes a suggestion for {@code agent} ({@code ""} for every agent) and returns it. */
    public Suggestion add(String by, String agent, String text) {
        return FileLocks.holding(file, () -> {
            Suggestion suggestion = new Suggestion("s" + (read(true).size() + 1), clock.instant(), by, agent, text);
            try {
                AtomicFiles.appendLine(file, json.writeValueAsBytes(suggestion));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the suggestion cannot be written as JSON", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + file, e);
            }
            return suggestion;
        });
    }

    /** Every suggestion, oldest first. */
    public List<Suggestion> all() {
        return FileLocks.holding(file, () -> read(true));
    }

    /**
     * Every suggestion, oldest first, read without the lock and without repairing a line cut off by
     * a crash (it is left out): for a reader that writes nothing and must not wait on the run.
     */
    public List<Suggestion> peek() {
        return read(false);
    }

    /** The suggestions meant for an agent, oldest first. */
    public List<Suggestion> to(String agent) {
        return all().stream().filter(s -> s.isFor(agent)).toList();
    }

    private List<Suggestion> read(boolean repair) {
        List<Suggestion> suggestions = new ArrayList<>();
        for (JsonLines.Line line : JsonLines.read(file, json, repair)) {
            try {
                suggestions.add(json.treeToValue(line.node(), Suggestion.class));
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                throw new MemoryFormatException(file, line.number(), "is not a suggestion: " + e.getMessage(), e);
            }
        }
        return suggestions;
    }
}
