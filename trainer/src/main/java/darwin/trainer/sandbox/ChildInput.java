package darwin.trainer.sandbox;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * What the parent writes to a child's standard input, and how the child reads it back, before any
 * of the variant's classes load: the report key ({@link ChildReport}) as its length and bytes, then
 * the child's text as a count and the ids (big-endian 32-bit integers, {@link DataOutputStream}'s):
 * the training tokens for the training child, the held-out tokens for the scoring child. Text
 * reaches a child only this way, never as a file: the child reads it whole into its memory before
 * the variant's code loads (the training child then closes its standard input), so that no path in
 * its file system (its workspace, {@code /proc/self/fd}) leads to more of it than the harness hands
 * the program.
 */
final class ChildInput {

    private static final int MIN_KEY_BYTES = 16;
    private static final int MAX_KEY_BYTES = 1024;
    /** The most tokens a child's input holds: their bytes must fit in one array. */
    static final int MAX_TOKENS = (Integer.MAX_VALUE - 1024) / 4 - 2;

    private ChildInput() {}

    /** The training child's input: the key, then the training tokens. */
    static byte[] forTraining(byte[] key, int[] training) {
        return frame(key, training);
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
     * Reads the tokens that follow the key, in one read (a million of the training split's take
     * milliseconds, where one {@code readInt} each took tens).
     *
     * @throws IOException when the input ends early or the count is out of bounds
     */
    static int[] readTokens(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_TOKENS) {
            throw new IOException("bad token count " + count);
        }
        byte[] bytes = in.readNBytes(4 * count);
        if (bytes.length != 4 * count) {
            throw new IOException("the tokens end after " + bytes.length / 4 + " of " + count);
        }
        int[] tokens = new int[count];
        ByteBuffer.wrap(bytes).asIntBuffer().get(tokens); // big-endian, as DataOutputStream writes
        return tokens;
    }

    private static byte[] frame(byte[] key, int[] tokens) {
        if (tokens.length > MAX_TOKENS) {
            throw new IllegalArgumentException("a child takes at most " + MAX_TOKENS + " tokens, got " + tokens.length);
        }
        ByteBuffer bytes = ByteBuffer.allocate(4 + key.length + 4 + 4 * tokens.length);
        bytes.putInt(key.length).put(key).putInt(tokens.length);
        bytes.asIntBuffer().put(tokens);
        return bytes.array();
    }
}
