package darwin.mutation.llm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The file of a {@link ReplyCache}: JSON lines, one reply per line, only ever appended to.
 *
 * <p>Crash safety: a reply is written with one positional write of its whole line, newline
 * included, and forced to the disk before {@code append} returns. A crash can therefore leave at
 * most one incomplete line, the last; {@link #open} skips it with a warning and cuts it off, so
 * the next line starts clean. A complete line that is not a reply (edited by hand, say) is skipped
 * with a warning and left alone. One process writes a file at a time.
 *
 * <p>A line: {@code {"schema":1,"key":…,"provider":…,"model":…,"finishReason":…,"inputTokens":…,
 * "outputTokens":…,"cost":…,"text":…}}; a reply cut off at the token limit (finish reason
 * {@code LENGTH}) adds {@code "message":…}, its failure's message. A complete reply's line is the
 * same as before cut-off replies were kept, so files of either age read alike; an older reader
 * skips a cut-off reply's line as not a reply, with a warning.
 */
final class ReplyLog implements Closeable {

    /** One line of the file. */
    record Entry(RequestKey key, CachedReply reply) {
    }

    private static final System.Logger LOG = System.getLogger(ReplyCache.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader LINES = JSON.readerFor(Line.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int SCHEMA = 1;

    private final Path file;
    private final FileChannel channel;

    private ReplyLog(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Opens {@code file}, creating it (and its folders) when missing, and hands every reply in it,
     * with the offset of its line, to {@code onEntry}, in file order.
     */
    static ReplyLog open(Path file, BiConsumer<Entry, Long> onEntry) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            ReplyLog log = new ReplyLog(file, channel);
            log.load(onEntry);
            return log;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Path file() {
        return file;
    }

    /** Appends one reply; returns the offset of its line. */
    synchronized long append(RequestKey key, CachedReply reply) throws IOException {
        byte[] line = (JSON.writeValueAsString(line(key, reply)) + "\n").getBytes(StandardCharsets.UTF_8);
        long offset = channel.size();
        ByteBuffer buffer = ByteBuffer.wrap(line);
        long position = offset;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        channel.force(false);
        return offset;
    }

    /** The reply whose line starts at {@code offset}, if there is one. */
    Optional<Entry> readAt(long offset) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer chunk = ByteBuffer.allocate(8192);
        long position = offset;
        while (true) {
            chunk.clear();
            int read = channel.read(chunk, position);
            if (read <= 0) {
                return Optional.empty();
            }
            position += read;
            byte[] bytes = chunk.array();
            for (int i = 0; i < read; i++) {
                if (bytes[i] == '\n') {
                    line.write(bytes, 0, i);
                    return parse(line.toString(StandardCharsets.UTF_8));
                }
            }
            line.write(bytes, 0, read);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void load(BiConsumer<Entry, Long> onEntry) throws IOException {
        long size = channel.size();
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long lineStart = 0;
        long position = 0;
        int lineNumber = 0;
        while (position < size) {
            chunk.clear();
            int read = channel.read(chunk, position);
            if (read <= 0) {
                break;
            }
            byte[] bytes = chunk.array();
            int from = 0;
            for (int i = 0; i < read; i++) {
                if (bytes[i] == '\n') {
                    line.write(bytes, from, i - from);
                    lineNumber++;
                    accept(line.toString(StandardCharsets.UTF_8), lineStart, lineNumber, onEntry);
                    line.reset();
                    from = i + 1;
                    lineStart = position + i + 1;
                }
            }
            line.write(bytes, from, read - from);
            position += read;
        }
        if (line.size() > 0) {
            Optional<Entry> last = parse(line.toString(StandardCharsets.UTF_8));
            if (last.isPresent()) {
                onEntry.accept(last.get(), lineStart);
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}), channel.size());
            } else {
                LOG.log(Level.WARNING, "the last line of {0} is incomplete (a write cut short); skipped and removed", file);
                channel.truncate(lineStart);
            }
            channel.force(false);
        }
    }

    private void accept(String text, long offset, int lineNumber, BiConsumer<Entry, Long> onEntry) {
        if (text.isBlank()) {
            return;
        }
        Optional<Entry> entry = parse(text);
        if (entry.isPresent()) {
            onEntry.accept(entry.get(), offset);
        } else {
            LOG.log(Level.WARNING, "line {0} of {1} is not a cached reply; skipped", lineNumber, file);
        }
    }

    private static Line line(RequestKey key, CachedReply reply) {
        return new Line(SCHEMA, key.sha256(), reply.provider(), reply.model(), reply.finishReason(),
                reply.usage().inputTokens(), reply.usage().outputTokens(), reply.cost(), reply.text(),
                reply.truncated() ? reply.message() : null);
    }

    private static Optional<Entry> parse(String line) {
        try {
            Line read = LINES.readValue(line);
            if (read == null || read.schema() != SCHEMA || read.text() == null) {
                return Optional.empty();
            }
            return Optional.of(new Entry(new RequestKey(read.key()), new CachedReply(read.provider(), read.model(),
                    read.text(), read.finishReason(), new Usage(read.inputTokens(), read.outputTokens()), read.cost(),
                    read.message())));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** One line as it is on disk; {@code message} only for a reply cut off at the token limit. */
    @JsonPropertyOrder({"schema", "key", "provider", "model", "finishReason", "inputTokens", "outputTokens", "cost", "text",
        "message"})
    private record Line(int schema, String key, String provider, String model, FinishReason finishReason, long inputTokens,
            long outputTokens, double cost, String text, @JsonInclude(JsonInclude.Include.NON_NULL) String message) {}
}
