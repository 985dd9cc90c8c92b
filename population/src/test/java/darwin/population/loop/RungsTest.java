package darwin.population.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rungs' budgets and starting rungs. */
class RungsTest {

    @Test
    void threeRungsAtEtaThreeTrainForANinthAThirdAndTheWholeBudget() {
        Rungs rungs = new Rungs(3, 3, Rungs.KNOWN_TRAPS);
        assertEquals(Budget.tokens(22_222), rungs.budget(Budget.tokens(200_000), 0));
        assertEquals(Budget.tokens(66_667), rungs.budget(Budget.tokens(200_000), 1));
        assertEquals(Budget.tokens(200_000), rungs.budget(Budget.tokens(200_000), 2));
        assertEquals(Budget.equalTime(10), rungs.budget(Budget.equalTime(30), 1));
        assertEquals(Budget.steps(1), rungs.budget(Budget.steps(2), 0), "never below one step");
        assertThrows(IllegalArgumentException.class, () -> rungs.budget(Budget.steps(9), 3));
    }

    @Test
    void changesShortRunsJudgeUnfairlyStartAtTheSecondRung() {
        Rungs rungs = new Rungs(3, 3, Rungs.KNOWN_TRAPS);
        assertEquals(0, rungs.start(List.of("throughput")));
        assertEquals(1, rungs.start(List.of("optimizer", "Schedule")));
        assertEquals(0, new Rungs(3, 3, Set.of()).start(List.of("schedule")), "unprotected");
        assertEquals(1, new Rungs(2, 3, Rungs.KNOWN_TRAPS).start(List.of("architecture")), "two rungs: at the full one");
        assertEquals(0, Rungs.OFF.start(List.of("schedule")));
        assertFalse(Rungs.OFF.on());
        assertTrue(rungs.on());
    }

    @Test
    void aLadderWhoseLowestRungGetsAlmostNothingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Rungs(5, 10, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new Rungs(3, 1, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new Rungs(0, 3, Set.of()));
    }
}
