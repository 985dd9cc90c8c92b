package darwin.memory.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.EvaluationStatus;
import darwin.core.ProposalStatus;
import org.junit.jupiter.api.Test;

class StageTest {

    @Test
    void everyStatusHasTheDocumentedStage() {
        assertEquals(Stage.TRAINED, Stage.of("OK"));
        for (String status : new String[] {"RUNTIME_ERROR", "TIMEOUT", "OUT_OF_MEMORY", "DIVERGED", "VIOLATION", "PROPOSED"}) {
            assertEquals(Stage.COMPILED, Stage.of(status), status);
        }
        assertEquals(Stage.DID_NOT_COMPILE, Stage.of("COMPILE_ERROR"));
        assertEquals(Stage.DID_NOT_COMPILE, Stage.of("DOES_NOT_COMPILE"));
        for (String status : new String[] {"LLM_FAILED", "UNPARSABLE", "EDITS_DID_NOT_APPLY", "REQUEST_ONLY", "COST_CAP",
                "NOTHING_TO_PROPOSE"}) {
            assertEquals(Stage.NO_PROGRAM, Stage.of(status), status);
        }
        assertEquals(Stage.TRAINED, Stage.of(" ok "), "any case");
        assertEquals(Stage.NO_PROGRAM, Stage.of("A_STATUS_FROM_THE_FUTURE"));
    }

    @Test
    void everyStageThatTrainedAlsoCompiled() {
        for (EvaluationStatus status : EvaluationStatus.values()) {
            Stage stage = Stage.of(status.name());
            assertTrue(!stage.trained() || stage.compiled(), status.name());
        }
        for (ProposalStatus status : ProposalStatus.values()) {
            assertFalse(Stage.of(status.name()).trained(), "a proposal alone never trained: " + status);
        }
    }
}
