package darwin.population.confirm;

import darwin.core.EvaluationStatus;
import darwin.core.Evaluator;
import darwin.core.Variant;
import darwin.trainer.sandbox.EvaluatorContract;
import java.util.Map;

/**
 * The stub evaluator of {@link ConfirmationTest} keeps the {@link EvaluatorContract}, so that what
 * the confirmation tests prove with it holds for an evaluator that does.
 */
class ConfirmationStubTest extends EvaluatorContract {

    private static final Variant WORKING = Variant.seed("darwin.program.Main", Map.of("program/Main.java", "class Main {}"));
    private static final Variant BROKEN = WORKING.derive(Map.of("program/Main.java", "class Main { int[] huge; }"));

    @Override
    protected Evaluator evaluator() {
        return new ConfirmationTest.Stub(Map.of(WORKING.id(), new double[] {2.5, Math.log(0.03)}), 0.01, 1,
                Map.of(BROKEN.id(), EvaluationStatus.OUT_OF_MEMORY));
    }

    @Override
    protected Variant working() {
        return WORKING;
    }

    @Override
    protected Variant broken() {
        return BROKEN;
    }
}
