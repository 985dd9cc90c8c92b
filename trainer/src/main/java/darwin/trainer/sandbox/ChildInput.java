package darwin.trainer.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What the parent writes to a child's standard input, and how the child reads it back, before any
 * of the variant's classes load: the report key ({@link ChildReport}) as its length and bytes, and
 * for the scoring child then the held-out tokens as a count and the ids (big-endian 32-bit
 * integers, {@link DataOutputStream}'s). The held-out text reaches the scoring child only this
 * way, and never as a file.
 */
final class ChildInput {

    private static final int MIN_KEY_BYTES = 16;
    private static final int MAX_KEY_BYTES = 1024;

    private ChildInput() {}

    /** The training child's input: the key. */
    static byte[] forTraining(byte[] key) {
        return frame(key, null);
    }

    /** The scoring child's input: the key, then the held-out tokens. */
    static byte[] forScoring(byte[] key, int[] heldOut) {
        return frame(key, heldOut);
    }

    /**
     * Reads the key.
     *
     * @throws IOException when the input ends early or its length is out of bounds
     */
    static byte[] readKey(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < MIN_KEY_BYTES || length > MAX_KEY_BYTES) {
            throw new IOException("bad key length " + length);
        }
        byte[] key = in.readNBytes(length);
        if (key.length != length) {
            throw new IOException("the key ends after " + key.length + " of " + length + " bytes");
        }
        return key;
    }

    /**
     * Reads the held-out tokens that follow the key.
     *
     * @throws IOException when the input ends early or the count is negative
     */
    static int[] readTokens(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("bad token count " + count);
        }
        int[] tokens = new int[count];
        for (int i = 0; i < count; i++) {
            tokens[i] = in.readInt();
        }
        return tokens;
    }

    private static byte[] frame(byte[] key, int[] tokens) {
        int size = 4 + key.length + (tokens == null ? 0 : 4 + 4 * tokens.length);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(key.length);
            out.write(key);
            if (tokens != null) {
                out.writeInt(tokens.length);
                for (int token : tokens) {
                    out.writeInt(token);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
