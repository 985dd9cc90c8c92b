package darwin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BudgetTest {

    @Test
    void rejectsEmptyAndNonsenseBudgets() {
        assertThrows(IllegalArgumentException.class, () -> Budget.steps(0));
        assertThrows(IllegalArgumentException.class, () -> Budget.seconds(0));
        assertThrows(IllegalArgumentException.class, () -> Budget.seconds(-1));
        assertThrows(IllegalArgumentException.class, () -> Budget.seconds(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Budget.seconds(Double.POSITIVE_INFINITY));
    }

    @Test
    void describesAndKeysItself() {
        assertEquals("2000 steps", Budget.steps(2000).describe());
        assertEquals("steps-2000", Budget.steps(2000).key());
        assertEquals("30.00 s", Budget.seconds(30).describe());
        assertEquals("seconds-30.0", Budget.seconds(30).key());
    }

    @Test
    void aKeyReadsBackAsItsBudget() {
        assertEquals(Budget.steps(2000), Budget.ofKey(Budget.steps(2000).key()));
        assertEquals(Budget.seconds(30), Budget.ofKey(Budget.seconds(30).key()));
        assertThrows(IllegalArgumentException.class, () -> Budget.ofKey("seconds-abc"));
        assertThrows(IllegalArgumentException.class, () -> Budget.ofKey("minutes-3"));
        assertThrows(IllegalArgumentException.class, () -> Budget.ofKey(""));
    }
}
