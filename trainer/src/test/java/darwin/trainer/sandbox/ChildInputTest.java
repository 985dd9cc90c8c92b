package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import darwin.core.Budget;
import darwin.trainer.measure.ScoringBatches;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the parent tells a child, read back as the child reads it. */
class ChildInputTest {

    private static DataInputStream in(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    @Test
    void theTrainingChildReadsItsKeyThenTheTrainingTokens() throws IOException {
        byte[] key = ChildReport.newKey();
        int[] training = {5, 0, 64, 12, 12, 1};
        DataInputStream in = in(ChildInput.forTraining(key, training));
        assertArrayEquals(key, ChildInput.readKey(in));
        assertArrayEquals(training, ChildInput.readTokens(in));
        assertEquals(-1, in.read(), "nothing follows the tokens");
    }

    @Test
    void tokensCutShortOrOfABadCountAreRefused() {
        byte[] whole = ChildInput.forTraining(ChildReport.newKey(), new int[] {1, 2, 3});
        byte[] cut = Arrays.copyOf(whole, whole.length - 1);
        assertThrows(IOException.class, () -> {
            DataInputStream in = in(cut);
            ChildInput.readKey(in);
            ChildInput.readTokens(in);
        });
        assertThrows(IOException.class, () -> ChildInput.readTokens(in(new byte[] {-1, -1, -1, -2})));
    }

    @Test
    void theScoringChildReadsItsKeyThenTheRowsToScore() throws IOException {
        byte[] key = ChildReport.newKey();
        ScoringBatches batches = new ScoringBatches(2, 3, 2, new int[] {0, 64, 7, Integer.MAX_VALUE, 3, 1, 2, 2, 9, 0, 5, 4});
        DataInputStream in = in(ChildInput.forScoring(key, batches));
        assertArrayEquals(key, ChildInput.readKey(in));
        ScoringBatches read = ChildInput.readBatches(in);
        assertEquals(List.of(2, 3, 2), List.of(read.batches(), read.rows(), read.length()));
        assertArrayEquals(batches.tokens(), read.tokens());
        assertEquals(-1, in.read(), "nothing follows the rows");
    }

    @Test
    void rowsOfABadShapeOrCutShortAreRefused() {
        byte[] whole = ChildInput.forScoring(ChildReport.newKey(), new ScoringBatches(1, 2, 2, new int[] {1, 2, 3, 4}));
        assertThrows(IOException.class, () -> readBatches(Arrays.copyOf(whole, whole.length - 1)));
        byte[] huge = whole.clone();
        ByteBuffer.wrap(huge).putInt(4 + 32, 1 << 20).putInt(4 + 32 + 4, 1 << 20);
        assertThrows(IOException.class, () -> readBatches(huge), "counts past the bound are refused before any array is made");
        byte[] negative = whole.clone();
        ByteBuffer.wrap(negative).putInt(whole.length - 4, -1);
        assertThrows(IOException.class, () -> readBatches(negative));
    }

    private static ScoringBatches readBatches(byte[] input) throws IOException {
        DataInputStream in = in(input);
        ChildInput.readKey(in);
        return ChildInput.readBatches(in);
    }

    @Test
    void aKeyOfABadLengthOrCutShortIsRefused() {
        assertThrows(IOException.class, () -> ChildInput.readKey(in(ChildInput.forTraining(new byte[8], new int[0]))));
        byte[] cut = ChildInput.forTraining(ChildReport.newKey(), new int[0]);
        assertThrows(IOException.class, () -> ChildInput.readKey(in(Arrays.copyOf(cut, 4 + 15))));
    }

    @Test
    void theArgumentsAreReadBackByName() {
        ChildArguments training = ChildArguments.parse(
                ChildArguments.forTraining("darwin.program.NanoGpt", Budget.equalTime(20), 1337, 65, 2000.5).toArray(String[]::new));
        assertEquals("darwin.program.NanoGpt", training.get("entry"));
        assertEquals(Budget.equalTime(20), Budget.ofKey(training.get("budget")));
        assertEquals("1337", training.get("seed"));
        assertEquals("65", training.get("vocabulary"));
        assertEquals(2000.5, Double.parseDouble(training.get("reference-throughput")));
        ChildArguments steps = ChildArguments.parse(
                ChildArguments.forTraining("E", Budget.steps(20), 1, 65, 2000).toArray(String[]::new));
        assertEquals("0", steps.get("reference-throughput", "0"), "only an equal-time budget is counted in it");

        ChildArguments scoring = ChildArguments.parse(
                ChildArguments.forScoring("E", 65).toArray(String[]::new));
        assertEquals("E", scoring.get("entry"));
        assertEquals("65", scoring.get("vocabulary"));
        assertThrows(IllegalArgumentException.class, () -> scoring.get("budget"));
    }
}
