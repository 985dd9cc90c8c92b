package darwin.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void secondsThenMinutesThenHoursAndMinutesAlwaysRoundedDown() {
        assertEquals("0 s", Durations.words(Duration.ZERO));
        assertEquals("119 s", Durations.words(Duration.ofMillis(119_999)));
        assertEquals("2 min", Durations.words(Duration.ofSeconds(120)));
        assertEquals("119 min", Durations.words(Duration.ofSeconds(119 * 60 + 59)));
        assertEquals("2 h 0 min", Durations.words(Duration.ofHours(2)));
        assertEquals("25 h 7 min", Durations.words(Duration.ofMinutes(25 * 60 + 7).plusSeconds(59)));
    }
}
