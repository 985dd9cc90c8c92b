package darwin.trainer.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;

/**
 * One output file of a child, opened by the runner before the child starts and read back through
 * that same handle. The child can write to its workspace, so it could replace the file's name
 * with a link to something it cannot read; the tail is read from the file the runner created, not
 * from whatever the name points to later.
 */
final class OutputTail implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;

    private OutputTail(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Creates or truncates the file, refusing to follow a link at its name. */
    static OutputTail create(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        return new OutputTail(path, channel);
    }

    Path path() {
        return path;
    }

    /** The last {@code limit} bytes of the file, as UTF-8; an I/O failure is reported in the text. */
    String read(int limit) {
        try {
            long size = channel.size();
            int length = (int) Math.min(size, limit);
            ByteBuffer bytes = ByteBuffer.allocate(length);
            long position = size - length;
            while (bytes.hasRemaining()) {
                int read = channel.read(bytes, position + bytes.position());
                if (read < 0) {
                    break;
                }
            }
            bytes.flip();
            return decode(bytes);
        } catch (IOException e) {
            return "[cannot read " + path + ": " + e.getMessage() + "]";
        }
    }

    /**
     * Decodes UTF-8 that may start in the middle of a character: leading continuation bytes are
     * dropped, anything else malformed becomes U+FFFD.
     */
    static String decode(ByteBuffer bytes) {
        int skip = 0;
        while (skip < 3 && bytes.remaining() > skip && (bytes.get(bytes.position() + skip) & 0xC0) == 0x80) {
            skip++;
        }
        bytes.position(bytes.position() + skip);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer chars = decoder.decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            System.getLogger(OutputTail.class.getName()).log(System.Logger.Level.WARNING, "cannot close {0}: {1}", path, e);
        }
    }
}
