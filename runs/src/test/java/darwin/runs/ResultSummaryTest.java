package darwin.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import org.junit.jupiter.api.Test;

/** What {@code train} and {@code evaluate} print of a result whose reason and log a variant's program wrote. */
class ResultSummaryTest {

    private static final EvaluationResult THROWN = EvaluationResult.failed(EvaluationStatus.RUNTIME_ERROR,
            "thrown: " + Shown.HOSTILE, "log one " + Shown.HOSTILE + "\nlog two");

    @Test
    void aProgramsReasonAndLogAreShownWithTheirControlCharactersVisible() {
        String text = ResultSummary.of(THROWN, null);
        Shown.assertSafe(text);
        assertTrue(text.startsWith("status          RUNTIME_ERROR (thrown: \\e[31mred"), text);
        assertTrue(text.contains("\nlog two\n"), "the log keeps its lines: " + text);
    }

    @Test
    void theJsonKeepsTheExactTextAndIsSafeToPrint() throws Exception {
        String json = ResultJson.of(THROWN, null);
        Shown.assertSafe(json);
        JsonNode node = new ObjectMapper().readTree(json);
        assertEquals(THROWN.reason(), node.path("reason").asText());
        assertEquals(THROWN.logTail(), node.path("logTail").asText());
    }
}
