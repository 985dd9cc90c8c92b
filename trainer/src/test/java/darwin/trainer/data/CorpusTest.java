package darwin.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CorpusTest {

    private static final Corpus SHAKESPEARE = Corpus.tinyShakespeare();

    @Test
    void tokenizerRoundTripsTheWholeCorpus() {
        CharTokenizer tokenizer = SHAKESPEARE.tokenizer();
        assertEquals(65, tokenizer.vocabularySize(), "nanoGPT's shakespeare_char vocabulary");
        String text = "First Citizen:\nBefore we proceed any further, hear me speak.";
        assertEquals(text, tokenizer.decode(tokenizer.encode(text)));
        int[] all = new int[SHAKESPEARE.trainSize() + SHAKESPEARE.heldOutSize()];
        System.arraycopy(SHAKESPEARE.train(), 0, all, 0, SHAKESPEARE.trainSize());
        System.arraycopy(SHAKESPEARE.heldOut(), 0, all, SHAKESPEARE.trainSize(), SHAKESPEARE.heldOutSize());
        assertArrayEquals(all, tokenizer.encode(tokenizer.decode(all)));
    }

    @Test
    void tokenizerRejectsUnknownCharactersAndTokens() {
        CharTokenizer tokenizer = CharTokenizer.of("abc");
        assertArrayEquals(new int[] {0, 1, 2}, tokenizer.encode("abc"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tokenizer.encode("abz"));
        assertTrue(e.getMessage().contains("'z' at offset 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tokenizer.decode(new int[] {3}));
    }

    @Test
    void splitsNinetyTen() {
        assertEquals(1_115_394, SHAKESPEARE.trainSize() + SHAKESPEARE.heldOutSize());
        assertEquals(1_003_854, SHAKESPEARE.trainSize(), "nanoGPT's train.bin holds 1,003,854 tokens");
        assertEquals(111_540, SHAKESPEARE.heldOutSize(), "nanoGPT's val.bin holds 111,540 tokens");
    }

    @Test
    void heldOutWindowsAreIdenticalAcrossLoadsAndCoverTheSplit() {
        HeldOutWindows a = SHAKESPEARE.heldOutWindows(64);
        HeldOutWindows b = Corpus.tinyShakespeare().heldOutWindows(64);
        assertEquals((111_540 - 1) / 64, a.count());
        assertEquals(a.count(), b.count());
        long[] ia = new long[a.count() * 64];
        long[] ta = new long[ia.length];
        long[] ib = new long[ia.length];
        long[] tb = new long[ia.length];
        int[] all = IntStream.range(0, a.count()).toArray();
        a.copy(all, 0, 64, ia, ta);
        b.copy(all, 0, 64, ib, tb);
        assertArrayEquals(ia, ib);
        assertArrayEquals(ta, tb);
        // windows do not overlap and targets are inputs shifted by one
        assertEquals(SHAKESPEARE.heldOut()[64], ia[64]);
        assertEquals(ia[1], ta[0]);
        assertEquals(SHAKESPEARE.heldOut()[a.count() * 64], ta[ta.length - 1]);
    }

    @Test
    void everySecondWindowIsScoredByDefaultAndTheSampleIsTheWholeSplitsEvenCuts() {
        HeldOutWindows all = SHAKESPEARE.heldOutWindows(64);
        HeldOutWindows half = SHAKESPEARE.heldOutWindows(64, HeldOutWindows.DEFAULT_EVERY);
        assertEquals(2, HeldOutWindows.DEFAULT_EVERY);
        assertEquals(all.cuts(), half.cuts());
        assertEquals((all.count() + 1) / 2, half.count());
        assertEquals(half.count() * 64L, half.predictions());
        long[] inputs = new long[half.count() * 64];
        long[] targets = new long[inputs.length];
        half.copy(IntStream.range(0, half.count()).toArray(), 0, 64, inputs, targets);
        long[] allInputs = new long[all.count() * 64];
        long[] allTargets = new long[allInputs.length];
        all.copy(IntStream.range(0, all.count()).toArray(), 0, 64, allInputs, allTargets);
        for (int w = 0; w < half.count(); w++) {
            for (int t = 0; t < 64; t++) {
                assertEquals(allInputs[2 * w * 64 + t], inputs[w * 64 + t], "scored window " + w + " is cut " + 2 * w);
                assertEquals(allTargets[2 * w * 64 + t], targets[w * 64 + t]);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> SHAKESPEARE.heldOutWindows(64, 0));
        assertThrows(IndexOutOfBoundsException.class,
                () -> half.copy(new int[] {half.count()}, 0, 64, new long[64], new long[64]));
    }

    @Test
    void aPassageIsACopyOfTheHeldOutSplit() {
        HeldOutWindows windows = SHAKESPEARE.heldOutWindows(64);
        int[] split = SHAKESPEARE.heldOutTokens();
        assertEquals(split.length, windows.splitLength());
        assertArrayEquals(Arrays.copyOfRange(split, 100, 130), windows.passage(100, 30));
        windows.passage(0, 5)[0] = -1;
        assertEquals(split[0], windows.passage(0, 1)[0], "a copy, not the split itself");
        assertThrows(IndexOutOfBoundsException.class, () -> windows.passage(split.length - 3, 4));
    }

    @Test
    void samplerIsSeededAndShiftsTargets() {
        long[] x1 = new long[4 * 16];
        long[] y1 = new long[x1.length];
        long[] x2 = new long[x1.length];
        long[] y2 = new long[x1.length];
        SHAKESPEARE.trainingSampler(7).sample(4, 16, x1, y1);
        SHAKESPEARE.trainingSampler(7).sample(4, 16, x2, y2);
        assertArrayEquals(x1, x2);
        assertArrayEquals(y1, y2);
        assertEquals(x1[1], y1[0]);
        SHAKESPEARE.trainingSampler(8).sample(4, 16, x2, y2);
        assertNotEquals(Arrays.toString(x1), Arrays.toString(x2));
    }

    @Test
    void rejectsTooShortTexts() {
        assertThrows(IllegalArgumentException.class, () -> Corpus.of("short"));
    }
}
