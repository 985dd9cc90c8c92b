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

    HeldOutWindows(int[] tokens, int length) {
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
     * Copies windows {@code first … first+n−1}, columns {@code from … from+width−1}, into
     * row-major {@code n × width} arrays.
     */
    public void copy(int first, int n, int from, int width, long[] inputs, long[] targets) {
        if (first < 0 || n < 1 || first + n > count || from < 0 || width < 1 || from + width > length) {
            throw new IndexOutOfBoundsException("windows " + first + "+" + n + " columns " + from + "+" + width);
        }
        for (int w = 0; w < n; w++) {
            int start = (first + w) * length + from;
            int row = w * width;
            for (int t = 0; t < width; t++) {
                inputs[row + t] = tokens[start + t];
                targets[row + t] = tokens[start + t + 1];
            }
        }
    }
}
