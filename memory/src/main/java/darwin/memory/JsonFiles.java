package darwin.memory;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whole JSON files of a run that carry a schema version: written atomically, read with checks. */
final class JsonFiles {

    private JsonFiles() {}

    /** A copy of {@code json} that writes and reads {@code java.time} values as ISO-8601 text. */
    static ObjectMapper withTimes(ObjectMapper json) {
        return json.copy().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Writes the object, pretty-printed, atomically. */
    static void write(Path file, ObjectMapper json, ObjectNode root) {
        try {
            AtomicFiles.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Reads a JSON object whose {@code schema} is between 1 and {@code schema}.
     *
     * @throws MemoryFormatException naming the file (and the line, for bad JSON)
     */
    static JsonNode read(Path file, ObjectMapper json, int schema) {
        JsonNode root;
        try {
            root = json.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new MemoryFormatException(file, line, "is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MemoryFormatException(file, 0, "cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MemoryFormatException(file, 0, "is not a JSON object (is the file empty or cut off?)", null);
        }
        int found = root.path("schema").asInt(-1);
        if (found < 1 || found > schema) {
            throw new MemoryFormatException(file, 0, "has schema " + root.path("schema") + "; this darwin reads schema "
                    + schema, null);
        }
        return root;
    }
}
