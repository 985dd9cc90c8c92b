package darwin.trainer.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A tokenized text split as nanoGPT splits it: the first 90% of the tokens for training, the
 * last 10% held out. The held-out part is handed to harness code only.
 */
public final class Corpus {

    /**
     * The bundled tinyshakespeare corpus (public domain, 1,115,394 characters), a resource of the
     * {@code darwin-data} jar, which the processes that run untrusted code never get.
     */
    public static final String TINY_SHAKESPEARE = "darwin/data/tinyshakespeare.txt";

    private final CharTokenizer tokenizer;
    private final int[] train;
    private final int[] heldOut;

    private Corpus(CharTokenizer tokenizer, int[] tokens) {
        this.tokenizer = tokenizer;
        int split = (int) (tokens.length * 0.9);
        this.train = Arrays.copyOfRange(tokens, 0, split);
        this.heldOut = Arrays.copyOfRange(tokens, split, tokens.length);
    }

    /** Tokenizes a text with its own character vocabulary and splits it 90/10. */
    public static Corpus of(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() < 20) {
            throw new IllegalArgumentException("a corpus needs at least 20 characters, got " + text.length());
        }
        CharTokenizer tokenizer = CharTokenizer.of(text);
        return new Corpus(tokenizer, tokenizer.encode(text));
    }

    /** The bundled tinyshakespeare corpus. */
    public static Corpus tinyShakespeare() {
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(TINY_SHAKESPEARE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled corpus " + TINY_SHAKESPEARE + " is missing from the classpath");
            }
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled corpus", e);
        }
    }

    public CharTokenizer tokenizer() {
        return tokenizer;
    }

    /** The training tokens (a copy is not made: callers must not modify it). */
    int[] train() {
        return train;
    }

    /** The held-out tokens (a copy is not made: callers must not modify it). */
    int[] heldOut() {
        return heldOut;
    }

    /** A copy of the training tokens, for handing to a training process. */
    public int[] trainTokens() {
        return train.clone();
    }

    /** A copy of the held-out tokens, for handing to a scoring process; never to a program. */
    public int[] heldOutTokens() {
        return heldOut.clone();
    }

    public int trainSize() {
        return train.length;
    }

    public int heldOutSize() {
        return heldOut.length;
    }

    /** Random training batches drawn with the given seed. */
    public TokenSampler trainingSampler(long seed) {
        return new TokenSampler(train, seed);
    }

    /** The held-out split cut into non-overlapping windows of {@code length} tokens, all scored. */
    public HeldOutWindows heldOutWindows(int length) {
        return new HeldOutWindows(heldOut, length);
    }

    /** The held-out split cut into windows of {@code length} tokens, every {@code every}-th scored. */
    public HeldOutWindows heldOutWindows(int length, int every) {
        return new HeldOutWindows(heldOut, length, every);
    }
}
