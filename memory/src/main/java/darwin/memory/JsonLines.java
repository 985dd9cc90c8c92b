package darwin.memory;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON-lines file written by {@link AtomicFiles#appendLine}. A crash can cut only the
 * last line, which then has no newline: such a line is dropped, and with {@code repair} the file
 * is truncated back to its last complete line, with a warning. Any other line that is not a JSON
 * object is a {@link MemoryFormatException} naming the file and the line. Public for the ledger
 * ({@code darwin.memory.ledger}), whose lines are read the same way.
 */
public final class JsonLines {

    private static final System.Logger LOG = System.getLogger(JsonLines.class.getName());

    private JsonLines() {}

    /** One line read: its 1-based number and its object. */
    public record Line(int number, JsonNode node) {}

    /** Every complete line of the file, in order; none for a missing file. */
    public static List<Line> read(Path file, ObjectMapper json, boolean repair) {
        if (!Files.exists(file)) {
            return List.of();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MemoryFormatException(file, 0, "cannot be read: " + e.getMessage(), e);
        }
        List<Line> nodes = new ArrayList<>();
        int start = 0;
        int line = 0;
        while (start < bytes.length) {
            line++;
            int end = indexOf(bytes, (byte) '\n', start);
            boolean complete = end >= 0;
            int stop = complete ? end : bytes.length;
            String text = new String(bytes, start, stop - start, StandardCharsets.UTF_8);
            if (!text.isBlank()) {
                try {
                    JsonNode node = json.readTree(text);
                    if (node == null || !node.isObject()) {
                        throw new MemoryFormatException(file, line, "is not a JSON object", null);
                    }
                    nodes.add(new Line(line, node));
                } catch (JacksonException e) {
                    if (complete) {
                        throw new MemoryFormatException(file, line, "is not valid JSON: " + e.getOriginalMessage(), e);
                    }
                    recover(file, start, line, repair);
                    return nodes;
                }
            }
            start = stop + 1;
        }
        return nodes;
    }

    private static void recover(Path file, int keep, int line, boolean repair) {
        LOG.log(System.Logger.Level.WARNING, "{0}:{1}: a line cut off by a crash was dropped{2}", file, line,
                repair ? " and the file truncated to its last complete line" : "");
        if (repair) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(keep);
                channel.force(true);
            } catch (IOException e) {
                throw new MemoryFormatException(file, line, "cannot drop the line cut off by a crash: " + e.getMessage(), e);
            }
        }
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
