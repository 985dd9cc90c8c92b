package darwin.trainer.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import darwin.core.Budget;
import org.junit.jupiter.api.Test;

class ResultKeyTest {

    private static final String ID = "0123456789abcdef";

    @Test
    void fileStemNamesBudgetSeedAndDevice() {
        assertEquals("steps-2000_seed-1337_cpu", new ResultKey(ID, Budget.steps(2000), 1337, "cpu").fileStem());
        assertEquals("seconds-30.0_seed-7_gpu_0", new ResultKey(ID, Budget.seconds(30), 7, "gpu(0)").fileStem());
        assertEquals("steps-1_seed--1_cpu", new ResultKey(ID, Budget.steps(1), -1, "cpu()").fileStem());
        assertEquals("steps-1_seed-1_a_b.c-d", new ResultKey(ID, Budget.steps(1), 1, "a/ \\b.c-d").fileStem());
        assertEquals("steps-1_seed-1__", new ResultKey(ID, Budget.steps(1), 1, "()").fileStem());
    }

    @Test
    void fileStemIsStable() {
        assertEquals(new ResultKey(ID, Budget.steps(5), 3, "gpu(1)").fileStem(),
                new ResultKey(ID, Budget.steps(5), 3, "gpu(1)").fileStem());
        assertNotEquals(new ResultKey(ID, Budget.steps(5), 3, "gpu(1)").fileStem(),
                new ResultKey(ID, Budget.steps(5), 3, "gpu(2)").fileStem());
    }

    @Test
    void rejectsBadKeys() {
        assertThrows(IllegalArgumentException.class, () -> new ResultKey("0123456789ABCDEF", Budget.steps(1), 1, "cpu"));
        assertThrows(IllegalArgumentException.class, () -> new ResultKey("0123", Budget.steps(1), 1, "cpu"));
        assertThrows(IllegalArgumentException.class, () -> new ResultKey("../../etc/passwd", Budget.steps(1), 1, "cpu"));
        assertThrows(IllegalArgumentException.class, () -> new ResultKey(null, Budget.steps(1), 1, "cpu"));
        assertThrows(NullPointerException.class, () -> new ResultKey(ID, null, 1, "cpu"));
        assertThrows(NullPointerException.class, () -> new ResultKey(ID, Budget.steps(1), 1, null));
        assertThrows(IllegalArgumentException.class, () -> new ResultKey(ID, Budget.steps(1), 1, " "));
        assertThrows(IllegalArgumentException.class, () -> new ResultKey(ID, Budget.steps(1), 1, "x".repeat(101)));
    }
}
