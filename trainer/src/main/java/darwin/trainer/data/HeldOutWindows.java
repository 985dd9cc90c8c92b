package darwin.trainer.data;

/**
 * The held-out split cut into non-overlapping windows of a fixed length: window i predicts
 * tokens {@code i·L+1 … i·L+L} from tokens {@code i·L … i·L+L−1}. The windows depend on the corpus
 * and the length only, so every variant is scored on exactly the same text.
 */
public final class HeldOutWindows {

    private final int[] tokens;
    private final int length;
    private final int count;

    /** Cuts {@code tokens} (not copied: it must not change) into windows of {@code length}. */
    public HeldOutWindows(int[] tokens, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("window length must be positive, got " + length);
        }
        this.tokens = tokens;
        this.length = length;
        this.count = (tokens.length - 1) / length;
        if (count == 0) {
            throw new IllegalArgumentException(
                    "the held-out split (" + tokens.length + " tokens) is shorter than one window of " + length);
        }
    }

    public int count() {
        return count;
    }

    public int length() {
        return length;
    }

    /** Number of predicted tokens over all windows. */
    public long predictions() {
        return (long) count * length;
    }

    /**
     * Copies the given windows, columns {@code from … from+width−1}, into row-major
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
            int start = windows[w] * length + from;
            int row = w * width;
            for (int t = 0; t < width; t++) {
                inputs[row + t] = tokens[start + t];
                targets[row + t] = tokens[start + t + 1];
            }
        }
    }

    /**
     * The windows scored together in batch {@code batch} of {@code batches}: every
     * {@code batches}-th window, so that no two neighbouring windows (whose text continues one
     * into the other) are ever in the same batch.
     */
    public int[] strided(int batch, int batches) {
        if (batches < 1 || batch < 0 || batch >= batches) {
            throw new IndexOutOfBoundsException("batch " + batch + " of " + batches);
        }
        int n = (count - batch + batches - 1) / batches;
        int[] windows = new int[n];
        for (int i = 0; i < n; i++) {
            windows[i] = batch + i * batches;
        }
        return windows;
    }
}
