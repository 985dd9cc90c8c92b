package darwin.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Windows of a token array, and windows of uniformly random ids, which hold no text. */
class TokenSamplerTest {

    @Test
    void uniformWindowsAreIdsOfTheVocabularyWithTargetsShiftedByOne() {
        int rows = 64;
        int length = 300;
        long[] inputs = new long[rows * length];
        long[] targets = new long[rows * length];
        TokenSampler.uniform(65, 3).sample(rows, length, inputs, targets);
        int[] counts = new int[65];
        for (int i = 0; i < inputs.length; i++) {
            assertTrue(inputs[i] >= 0 && inputs[i] < 65 && targets[i] >= 0 && targets[i] < 65);
            counts[(int) inputs[i]]++;
            if ((i + 1) % length != 0) {
                assertEquals(inputs[i + 1], targets[i]);
            }
        }
        // about 295 of each id: no id (a space, say) is as common as in text
        for (int count : counts) {
            assertTrue(count > 200 && count < 400, "a uniform id count of " + count);
        }
    }

    @Test
    void theSameSeedIsTheSameBatch() {
        long[] first = new long[40];
        long[] second = new long[40];
        TokenSampler.uniform(7, 11).sample(4, 10, first, new long[40]);
        TokenSampler.uniform(7, 11).sample(4, 10, second, new long[40]);
        assertArrayEquals(first, second);
    }

    @Test
    void aWindowOfTextIsARunOfItsTokens() {
        int[] tokens = {5, 6, 7, 8, 9};
        long[] inputs = new long[3];
        long[] targets = new long[3];
        new TokenSampler(tokens, 1).sample(1, 3, inputs, targets);
        assertEquals(inputs[0] + 1, targets[0]);
        assertEquals(inputs[1], targets[0]);
        assertThrows(IllegalArgumentException.class, () -> TokenSampler.uniform(0, 1));
    }
}
