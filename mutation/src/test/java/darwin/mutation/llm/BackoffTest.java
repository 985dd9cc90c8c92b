package darwin.mutation.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitsGrowToTheMaximumLessTheJitter() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 2, 0.5);
        SplittableRandom random = new SplittableRandom(7);
        long[] ceilings = {1000, 2000, 4000, 8000, 8000};
        for (int retry = 0; retry < ceilings.length; retry++) {
            long millis = backoff.delay(retry, random).toMillis();
            assertTrue(millis <= ceilings[retry] && millis >= ceilings[retry] / 2, "retry " + retry + ": " + millis);
        }
    }

    @Test
    void oneSeedGivesTheSameWaits() {
        Backoff backoff = Backoff.DEFAULT;
        SplittableRandom a = new SplittableRandom(11);
        SplittableRandom b = new SplittableRandom(11);
        for (int retry = 0; retry < 5; retry++) {
            assertEquals(backoff.delay(retry, a), backoff.delay(retry, b));
        }
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ZERO, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ZERO, 1, 1.5));
    }
}
