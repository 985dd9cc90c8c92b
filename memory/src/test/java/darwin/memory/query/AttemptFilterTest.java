package darwin.memory.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import darwin.memory.Attempt;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptFilterTest {

    private static List<String> keys(AttemptFilter filter) {
        return filter.apply(MemoryFixture.ATTEMPTS).stream().map(Attempt::proposal).toList();
    }

    @Test
    void statusIsMatchedWholeIgnoringCase() {
        assertEquals(List.of("g1-s0", "g1-s1", "g2-s0", "g3-s0"), keys(new AttemptFilter("ok", null, null)));
        assertEquals(List.of("g3-s2"), keys(new AttemptFilter("Compile_Error", null, null)));
        assertEquals(List.of(), keys(new AttemptFilter("COMPILE", null, null)), "not a prefix");
    }

    @Test
    void tagAndAgentNarrowTogether() {
        assertEquals(List.of("g1-s0", "g2-s0", "g3-s0"), keys(new AttemptFilter(null, "OPTIMIZER", null)));
        assertEquals(List.of("g1-s0", "g2-s0"), keys(new AttemptFilter(null, "optimizer", "agent-1")));
        assertEquals(List.of("g2-s2"), keys(new AttemptFilter("timeout", "throughput", "agent-1")));
        assertEquals(List.of("g1-s1", "g2-s1", "g3-s0", "g3-s2"), keys(new AttemptFilter(" ", "", "agent-2")));
    }

    @Test
    void noCriteriaPassEverything() {
        assertEquals(MemoryFixture.ATTEMPTS, AttemptFilter.ANY.apply(MemoryFixture.ATTEMPTS));
    }
}
