package darwin.trainer.data;

import java.util.Arrays;

/**
 * The held-out windows a model is scored on: the held-out split cut into non-overlapping windows
 * of a fixed length, of which every {@code every}-th is scored. Cut c predicts tokens
 * {@code c·L+1 … c·L+L} from tokens {@code c·L … c·L+L−1}; scored window i is cut
 * {@code i·every}. The windows depend on the corpus, the length and {@code every} only, so every
 * variant is scored on exactly the same text.
 *
 * <p>Scoring every second cut ({@link #DEFAULT_EVERY}) halves the forward passes of an evaluation.
 * On the seed trained for 2000 steps, the two halves of tinyshakespeare's held-out split (even and
 * odd cuts, 871 windows each) score within 0.003 of the whole split (BENCHMARKS.md), well inside
 * the ±0.01 the figure must be stable to; and every variant is scored on the same half.
 */
public final class HeldOutWindows {

    /** Every how many cuts a window is scored by default: every second one. */
    public static final int DEFAULT_EVERY = 2;

    private final int[] tokens;
    private final int length;
    private final int every;
    private final int cuts;
    private final int count;

    /** Cuts {@code tokens} (not copied: it must not change) into windows of {@code length}, all scored. */
    public HeldOutWindows(int[] tokens, int length) {
        this(tokens, length, 1);
    }

    /**
     * Cuts {@code tokens} (not copied: it must not change) into windows of {@code length} and scores
     * every {@code every}-th, starting with the first.
     */
    public HeldOutWindows(int[] tokens, int length, int every) {
        if (length < 1) {
            throw new IllegalArgumentException("window length must be positive, got " + length);
        }
        if (every < 1) {
            throw new IllegalArgumentException("every how many windows are scored must be at least 1, got " + every);
        }
        this.tokens = tokens;
        this.length = length;
        this.every = every;
        this.cuts = (tokens.length - 1) / length;
        if (cuts == 0) {
            throw new IllegalArgumentException(
                    "the held-out split (" + tokens.length + " tokens) is shorter than one window of " + length);
        }
        this.count = (cuts + every - 1) / every;
    }

    /** Number of scored windows. */
    public int count() {
        return count;
    }

    /** Number of windows the split is cut into, scored or not. */
    public int cuts() {
        return cuts;
    }

    public int length() {
        return length;
    }

    /** Number of predicted tokens over all windows. */
    public long predictions() {
        return (long) count * length;
    }

    /** Number of tokens in the held-out split. */
    public int splitLength() {
        return tokens.length;
    }

    /**
     * A copy of {@code length} tokens of the held-out split from {@code start}: other real text for
     * the probes that check a model for looking ahead ({@code ScoringPlan}).
     */
    public int[] passage(int start, int length) {
        if (start < 0 || length < 0 || start + length > tokens.length) {
            throw new IndexOutOfBoundsException(length + " tokens from " + start + " of " + tokens.length);
        }
        return Arrays.copyOfRange(tokens, start, start + length);
    }

    /** Where window {@code window}'s first token is in the held-out split; its tokens and its last target follow. */
    public int start(int window) {
        if (window < 0 || window >= count) {
            throw new IndexOutOfBoundsException("window " + window + " of " + count);
        }
        return window * every * length;
    }

    /**
     * Copies the given scored windows, columns {@code from … from+width−1}, into row-major
     * {@code windows.length × width} arrays.
     */
    public void copy(int[] windows, int from, int width, long[] inputs, long[] targets) {
        if (from < 0 || width < 1 || from + width > length) {
            throw new IndexOutOfBoundsException("columns " + from + "+" + width + " of windows of " + length);
        }
        for (int w = 0; w < windows.length; w++) {
            if (windows[w] < 0 || windows[w] >= count) {
                throw new IndexOutOfBoundsException("window " + windows[w] + " of " + count);
            }
            int start = windows[w] * every * length + from;
            int row = w * width;
            for (int t = 0; t < width; t++) {
                inputs[row + t] = tokens[start + t];
                targets[row + t] = tokens[start + t + 1];
            }
        }
    }
}
