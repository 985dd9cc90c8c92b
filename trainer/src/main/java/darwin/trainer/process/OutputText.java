package darwin.trainer.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A child's output read back within a bound: the head and the tail of a long output, with the
 * number of bytes left out between them marked on a line of its own, decoded as UTF-8 that may
 * start or end in the middle of a character. A flood of output costs the reader no more memory
 * than a short one, and the end of the output, where a child's report and last error are, is kept.
 */
public final class OutputText {

    private OutputText() {}

    /**
     * At most {@code limit} bytes of what the channel holds, as UTF-8: all of it when it fits,
     * else its first quarter and its last three quarters with the cut marked ({@link #cut})
     * between them. Reads at absolute positions; never more than {@code limit} bytes.
     */
    public static String read(FileChannel channel, int limit) throws IOException {
        long size = channel.size();
        if (size <= limit) {
            return decode(bytes(channel, 0, (int) size));
        }
        int head = limit / 4;
        int tail = limit - head;
        String first = head == 0 ? "" : decodeHead(bytes(channel, 0, head));
        return first + cut(size - head - tail) + decode(bytes(channel, size - tail, tail));
    }

    /** The line that marks where {@code bytes} were left out of an output. */
    static String cut(long bytes) {
        return "\n[... " + bytes + " bytes of output left out ...]\n";
    }

    private static ByteBuffer bytes(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        while (bytes.hasRemaining()) {
            if (channel.read(bytes, position + bytes.position()) < 0) {
                break;
            }
        }
        return bytes.flip();
    }

    /** Decodes the start of an output, whose last character may be cut short. */
    private static String decodeHead(ByteBuffer bytes) {
        String text = decode(bytes);
        return text.endsWith("\uFFFD") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * Decodes UTF-8 that may start in the middle of a character: leading continuation bytes are
     * dropped, anything else malformed becomes U+FFFD.
     */
    public static String decode(ByteBuffer bytes) {
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

}
