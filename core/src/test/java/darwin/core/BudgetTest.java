package darwin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetTest {

    @Test
    void rejectsEmptyAndNonsenseBudgets() {
        assertThrows(IllegalArgumentException.class, () -> Budget.steps(0));
        assertThrows(IllegalArgumentException.class, () -> Budget.seconds(0));
        assertThrows(IllegalArgumentException.class, () -> Budget.seconds(-1));
        assertThrows(IllegalArgumentException.class, () -> Budget.seconds(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Budget.seconds(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Budget.tokens(0));
        assertThrows(IllegalArgumentException.class, () -> Budget.flops(0.5));
        assertThrows(IllegalArgumentException.class, () -> Budget.flops(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Budget.flops(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Budget.equalTime(0));
        assertThrows(IllegalArgumentException.class, () -> Budget.equalTime(Double.NaN));
    }

    @Test
    void describesAndKeysItself() {
        assertEquals("2000 steps", Budget.steps(2000).describe());
        assertEquals("steps-2000", Budget.steps(2000).key());
        assertEquals("30.00 s", Budget.seconds(30).describe());
        assertEquals("seconds-30.0", Budget.seconds(30).key());
        assertEquals("3000 tokens", Budget.tokens(3000).describe());
        assertEquals("tokens-3000", Budget.tokens(3000).key());
        assertEquals("1.2e+15 FLOPs", Budget.flops(1.2e15).describe());
        assertEquals("1e+15 FLOPs", Budget.flops(1e15).describe());
        assertEquals("1.234568e+15 FLOPs", Budget.flops(1.2345678e15).describe());
        assertEquals("flops-1.2E15", Budget.flops(1.2e15).key());
        assertEquals("30 s equal-time", Budget.equalTime(30).describe());
        assertEquals("2.5 s equal-time", Budget.equalTime(2.5).describe());
        assertEquals("equal-time-30.0", Budget.equalTime(30).key());
    }

    @Test
    void aKeyReadsBackAsItsBudget() {
        for (Budget budget : List.of(Budget.steps(2000), Budget.seconds(30), Budget.seconds(0.25), Budget.tokens(123_456),
                Budget.flops(1e15), Budget.flops(2.5e9), Budget.flops(123), Budget.equalTime(20), Budget.equalTime(7.5))) {
            assertEquals(budget, Budget.ofKey(budget.key()), budget.key());
        }
        assertThrows(IllegalArgumentException.class, () -> Budget.ofKey("seconds-abc"));
        assertThrows(IllegalArgumentException.class, () -> Budget.ofKey("minutes-3"));
        assertThrows(IllegalArgumentException.class, () -> Budget.ofKey(""));
        assertThrows(IllegalArgumentException.class, () -> Budget.ofKey("tokens-1.5"));
        assertThrows(IllegalArgumentException.class, () -> Budget.ofKey("tokens-0"));
        assertThrows(IllegalArgumentException.class, () -> Budget.ofKey("flops-"));
        assertThrows(IllegalArgumentException.class, () -> Budget.ofKey("equal-time--3"));
    }
}
