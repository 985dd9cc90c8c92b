package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import darwin.core.Budget;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
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
    void theScoringChildReadsItsKeyThenTheHeldOutTokens() throws IOException {
        byte[] key = ChildReport.newKey();
        int[] heldOut = {0, 64, 7, Integer.MAX_VALUE, 3};
        DataInputStream in = in(ChildInput.forScoring(key, heldOut));
        assertArrayEquals(key, ChildInput.readKey(in));
        assertArrayEquals(heldOut, ChildInput.readTokens(in));
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
                ChildArguments.forScoring("E", 7, 65, 64, 2).toArray(String[]::new));
        assertEquals("64", scoring.get("window"));
        assertEquals("2", scoring.get("every"));
        assertThrows(IllegalArgumentException.class, () -> scoring.get("budget"));
    }
}
