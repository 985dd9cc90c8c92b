package darwin.trainer.sandbox;

import darwin.trainer.measure.ScoringBatches;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * What the parent writes to a child's standard input, and how the child reads it back, before any
 * of the variant's classes load: the report key ({@link ChildReport}) as its length and bytes, then
 * the child's text as big-endian 32-bit integers ({@link DataOutputStream}'s):
 *
 * <ul>
 *   <li>the training child: the count of the training tokens, then the tokens;
 *   <li>the scoring child: the rows it is to score ({@link ScoringBatches}): the number of batches,
 *       rows per batch and tokens per row, then the ids.
 * </ul>
 *
 * <p>Text reaches a child only this way, never as a file: the child reads it whole into its memory
 * before the variant's code loads (the training child then closes its standard input), so that no
 * path in its file system (its workspace, {@code /proc/self/fd}) leads to more of it than the
 * harness hands the program. The scoring child gets held-out text only as those rows: not the
 * split, and not which row is a window and which checks the model
 * ({@link darwin.trainer.measure.ScoringPlan}).
 */
final class ChildInput {

    private static final int MIN_KEY_BYTES = 16;
    private static final int MAX_KEY_BYTES = 1024;
    /** The most tokens a child's input holds: their bytes must fit in one array. */
    static final int MAX_TOKENS = (Integer.MAX_VALUE - 1024) / 4 - 4;

    private ChildInput() {}

    /** The training child's input: the key, then the training tokens. */
    static byte[] forTraining(byte[] key, int[] training) {
        if (training.length > MAX_TOKENS) {
            throw new IllegalArgumentException("a child takes at most " + MAX_TOKENS + " tokens, got " + training.length);
        }
        ByteBuffer bytes = ByteBuffer.allocate(4 + key.length + 4 + 4 * training.length);
        bytes.putInt(key.length).put(key).putInt(training.length);
        bytes.asIntBuffer().put(training);
        return bytes.array();
    }

    /** The scoring child's input: the key, then the rows to score. */
    static byte[] forScoring(byte[] key, ScoringBatches batches) {
        int[] tokens = batches.tokens();
        if (tokens.length > MAX_TOKENS) {
            throw new IllegalArgumentException("a child takes at most " + MAX_TOKENS + " tokens, got " + tokens.length);
        }
        ByteBuffer bytes = ByteBuffer.allocate(4 + key.length + 12 + 4 * tokens.length);
        bytes.putInt(key.length).put(key).putInt(batches.batches()).putInt(batches.rows()).putInt(batches.length());
        bytes.asIntBuffer().put(tokens);
        return bytes.array();
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
     * Reads the training tokens that follow the key, in one read (a million of the training split's
     * take milliseconds, where one {@code readInt} each took tens).
     *
     * @throws IOException when the input ends early or the count is out of bounds
     */
    static int[] readTokens(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_TOKENS) {
            throw new IOException("bad token count " + count);
        }
        return ids(in, count);
    }

    /**
     * Reads the rows to score that follow the key.
     *
     * @throws IOException when the input ends early, or its counts are out of bounds or its tokens
     *     negative
     */
    static ScoringBatches readBatches(DataInputStream in) throws IOException {
        int batches = in.readInt();
        int rows = in.readInt();
        int length = in.readInt();
        if (batches < 1 || rows < 1 || length < 1 || (long) batches * rows * length > MAX_TOKENS) {
            throw new IOException("bad scoring shape " + batches + "×" + rows + "×" + length);
        }
        int[] tokens = ids(in, batches * rows * length);
        try {
            return new ScoringBatches(batches, rows, length, tokens);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** {@code count} ids in one read. */
    private static int[] ids(DataInputStream in, int count) throws IOException {
        byte[] bytes = in.readNBytes(4 * count);
        if (bytes.length != 4 * count) {
            throw new IOException("the tokens end after " + bytes.length / 4 + " of " + count);
        }
        int[] tokens = new int[count];
        ByteBuffer.wrap(bytes).asIntBuffer().get(tokens); // big-endian, as DataOutputStream writes
        return tokens;
    }
}
