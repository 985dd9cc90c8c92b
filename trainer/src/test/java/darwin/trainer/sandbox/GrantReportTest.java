package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.trainer.harness.SpeedRatio;
import darwin.trainer.harness.TokenGrant;
import org.junit.jupiter.api.Test;

class GrantReportTest {

    private static final SpeedRatio SPEED = new SpeedRatio(0.93, 0.02, 2000, 1860, 4.5, 3);

    @Test
    void theParentReadsBackTheGrantTheChildMade() {
        Budget flops = Budget.flops(1e15);
        TokenGrant.Grant forFlops = new TokenGrant.Grant(flops, Budget.tokens(123_457), 8.1e9, null, 0, null);
        assertEquals(forFlops, GrantReport.of(forFlops).grant(flops));

        Budget equalTime = Budget.equalTime(20);
        TokenGrant.Grant forEqualTime = new TokenGrant.Grant(equalTime, Budget.tokens(37_200), 0, SPEED, 2000, null);
        assertEquals(forEqualTime, GrantReport.of(forEqualTime).grant(equalTime));

        Budget steps = Budget.steps(20);
        TokenGrant.Grant kept = new TokenGrant.Grant(steps, steps, 0, null, 0, null);
        assertEquals(GrantReport.NONE, GrantReport.of(kept));
        assertEquals(kept, GrantReport.NONE.grant(steps));
    }

    @Test
    void aReportWithoutWhatTheBudgetNeedsIsIncomplete() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GrantReport.NONE.grant(Budget.flops(1e15)))
                .getMessage().contains("flopsPerToken"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GrantReport(0, 8e9, null, 0).grant(Budget.flops(1e15)))
                .getMessage().contains("no tokens granted"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GrantReport(500, 0, null, 0).grant(Budget.equalTime(20)))
                .getMessage().contains("speedProbes"));
    }
}
