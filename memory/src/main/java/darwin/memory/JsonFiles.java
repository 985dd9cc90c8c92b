package darwin.memory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
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

    /**
     * Writes a record as a versioned file: {@code schema} first, then the record's fields, pretty-printed,
     * atomically.
     */
    static void write(Path file, ObjectMapper json, int schema, Object body) {
        ObjectNode root = json.createObjectNode();
        root.put("schema", schema);
        root.setAll((ObjectNode) json.valueToTree(body));
        write(file, json, root);
    }

    /**
     * Reads a versioned file written by {@link #write(Path, ObjectMapper, int, Object)} into its record.
     * Fields the record does not know are ignored, as they were by earlier readers.
     *
     * @param what what the file should be, for the message ("an agent memory")
     * @throws MemoryFormatException naming the file when it is not JSON, of another schema, or not
     *     {@code what}
     */
    static <T> T read(Path file, ObjectMapper json, int schema, Class<T> type, String what) {
        JsonNode root = read(file, json, schema);
        ((ObjectNode) root).remove("schema");
        try {
            return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(root);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MemoryFormatException(file, 0, "is not " + what + ": " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new MemoryFormatException(file, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Writes the object, pretty-printed, atomically. */
    private static void write(Path file, ObjectMapper json, ObjectNode root) {
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
    private static JsonNode read(Path file, ObjectMapper json, int schema) {
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
        Header header;
        try {
            header = json.treeToValue(root, Header.class);
        } catch (JacksonException e) {
            header = new Header(null);
        }
        if (header.schema() == null || header.schema() < 1 || header.schema() > schema) {
            throw new MemoryFormatException(file, 0, "has schema " + (header.schema() == null ? "(none)" : header.schema())
                    + "; this darwin reads schema " + schema, null);
        }
        return root;
    }

    /** What every versioned file starts with. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Header(Integer schema) {}
}
