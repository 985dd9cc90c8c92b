package darwin.runs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotActivityTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 22, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aVariantIsInFlightFromItsFirstPhaseUntilItIsEvaluated() {
        List<String> log = List.of(
                "[09:58:00] generation 2 of 3",
                "[09:58:01]   compiling aaaaaaaaaaaaaaaa",
                "[09:58:03]   training aaaaaaaaaaaaaaaa for 2 steps in a sandbox",
                "[09:58:04]   compiling bbbbbbbbbbbbbbbb",
                "[09:59:00]   scoring aaaaaaaaaaaaaaaa on the held-out windows",
                "[09:59:30]   evaluated bbbbbbbbbbbbbbbb: perplexity 60.000, MFU 2.0% | …",
                "[09:59:31]   agent-1 → aaaaaaaaaaaaaaaa: PROPOSED (training for longer), new variant cccccccccccccccc");
        List<SlotActivity.InFlight> flying = SlotActivity.of(log, 2, NOW);
        assertEquals(1, flying.size());
        assertEquals("aaaaaaaaaaaaaaaa", flying.getFirst().variant());
        assertEquals("scoring", flying.getFirst().phase());
        assertEquals(NOW.withHour(9).withMinute(58).withSecond(1), flying.getFirst().since());
    }

    @Test
    void theEndOfAGenerationOrARestartEndsWhatWasInFlight() {
        assertEquals(List.of(), SlotActivity.of(List.of("[09:00:00]   training aaaaaaaaaaaaaaaa for 2 steps",
                "[09:10:00] generation 1 done: agent-1=aaaaaaaaaaaaaaaa"), 1, NOW));
        assertEquals(List.of(), SlotActivity.of(List.of("[09:00:00]   training aaaaaaaaaaaaaaaa for 2 steps",
                "[09:10:00] resuming run /tmp/run: 2 agents"), 1, NOW));
    }

    @Test
    void noMoreAreInFlightThanTheRunHasSlotsAndATimeAfterNowIsYesterdays() {
        List<SlotActivity.InFlight> flying = SlotActivity.of(List.of("[23:50:00]   training aaaaaaaaaaaaaaaa for 2 steps",
                "[09:00:00]   compiling bbbbbbbbbbbbbbbb", "not a line of the log"), 1, NOW);
        assertEquals(1, flying.size());
        assertEquals("bbbbbbbbbbbbbbbb", flying.getFirst().variant(), "the latest, when a stale one was never ended");
        assertEquals(NOW.minusDays(1).withHour(23).withMinute(50),
                SlotActivity.of(List.of("[23:50:00]   training aaaaaaaaaaaaaaaa for 2 steps"), 1, NOW).getFirst().since());
    }
}
