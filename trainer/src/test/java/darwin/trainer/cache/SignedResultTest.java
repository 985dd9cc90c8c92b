package darwin.trainer.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Metrics;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignedResultTest {

    private static final byte[] SECRET = "a key of the evaluation's own, 32".getBytes(StandardCharsets.US_ASCII);
    private static final ResultKey KEY = new ResultKey("0123456789abcdef", Budget.steps(2), 7, "cpu()");
    private static final EvaluationResult OK = EvaluationResult.ok(new Metrics(1.47, Math.exp(1.47), 0.21, 1000, 30_000,
            100, 800_000, 5e6, 1e11, 35, 30, "cpu"), "step 2 loss 1.41\n");

    @Test
    void aSignedResultReadsBackWithTheSameKey() throws Exception {
        byte[] signed = SignedResult.write(SECRET, KEY, OK);
        assertEquals(Optional.of(OK), SignedResult.read(SECRET, KEY, signed));
        EvaluationResult timeout = EvaluationResult.failed(EvaluationStatus.TIMEOUT, "ran past its limit", "");
        assertEquals(Optional.of(timeout), SignedResult.read(SECRET, KEY, SignedResult.write(SECRET, KEY, timeout)));
        EvaluationResult harness = EvaluationResult.harnessFailure("the node's disk is full", "");
        assertTrue(SignedResult.read(SECRET, KEY, SignedResult.write(SECRET, KEY, harness)).orElseThrow().harnessFailure());
    }

    @Test
    void aResultIsNotBelievedWhenItsSignatureDoesNotHold() throws Exception {
        byte[] signed = SignedResult.write(SECRET, KEY, OK);
        byte[] otherSecret = SECRET.clone();
        otherSecret[0] ^= 1;
        assertEquals(Optional.empty(), SignedResult.read(otherSecret, KEY, signed), "signed with another key");
        String text = new String(signed, StandardCharsets.UTF_8);
        byte[] altered = text.replace("1.47", "1.07").getBytes(StandardCharsets.UTF_8);
        assertEquals(Optional.empty(), SignedResult.read(SECRET, KEY, altered), "a figure changed after signing");
        assertEquals(Optional.empty(), SignedResult.read(SECRET, KEY, Arrays.copyOf(signed, signed.length - 5)), "cut off");
        assertEquals(Optional.empty(), SignedResult.read(SECRET, KEY, text.substring(text.indexOf('\n') + 1)
                .getBytes(StandardCharsets.UTF_8)), "unsigned");
        ResultKey otherSeed = new ResultKey(KEY.variantId(), KEY.budget(), 8, KEY.device());
        assertEquals(Optional.empty(), SignedResult.read(SECRET, otherSeed, signed), "another evaluation's result");
    }
}
