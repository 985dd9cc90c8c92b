package darwin.trainer.sandbox;

import darwin.trainer.measure.ScoringBatches;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What the parent writes to a child's standard input, and how the child reads it back, before any
 * of the variant's classes load: the report key ({@link ChildReport}) as its length and bytes, and
 * for the scoring child then the rows it is to score ({@link ScoringBatches}): the number of
 * batches, rows per batch and tokens per row, then the ids (big-endian 32-bit integers,
 * {@link DataOutputStream}'s). Held-out text reaches the scoring child only this way, never as a
 * file, and only as those rows: not the split, and not which row is a window and which checks the
 * model ({@link darwin.trainer.measure.ScoringPlan}).
 */
final class ChildInput {

    private static final int MIN_KEY_BYTES = 16;
    private static final int MAX_KEY_BYTES = 1024;
    /** The most tokens a scoring may be given (a check on the counts before the array is made). */
    private static final long MAX_TOKENS = 1L << 28;

    private ChildInput() {}

    /** The training child's input: the key. */
    static byte[] forTraining(byte[] key) {
        return frame(key, null);
    }

    /** The scoring child's input: the key, then the rows to score. */
    static byte[] forScoring(byte[] key, ScoringBatches batches) {
        return frame(key, batches);
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
        int[] tokens = new int[batches * rows * length];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = in.readInt();
        }
        try {
            return new ScoringBatches(batches, rows, length, tokens);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static byte[] frame(byte[] key, ScoringBatches batches) {
        int size = 4 + key.length + (batches == null ? 0 : 12 + 4 * batches.tokens().length);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(key.length);
            out.write(key);
            if (batches != null) {
                out.writeInt(batches.batches());
                out.writeInt(batches.rows());
                out.writeInt(batches.length());
                for (int token : batches.tokens()) {
                    out.writeInt(token);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
