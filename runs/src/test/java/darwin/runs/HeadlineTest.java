package darwin.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import darwin.core.stats.Interval;
import darwin.core.stats.Sample;
import darwin.memory.ConfirmedGain;
import darwin.population.confirm.ConfirmationResult;
import darwin.population.confirm.Standings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeadlineTest {

    @Test
    void aConfirmedGainShowsTheConfirmedMeansAndTheIntervalNotTheLuckyDraw() {
        Sample seedLoss = Sample.of(Math.log(12.10), Math.log(12.10), Math.log(12.10));
        Sample variantLoss = Sample.of(Math.log(11.69), Math.log(11.69), Math.log(11.69));
        Sample logMfu = Sample.of(Math.log(0.03), Math.log(0.03), Math.log(0.03));
        var gain = new ConfirmedGain("7d82aa0000000000", "0123456789abcdef", "seconds-20.0", 3,
                new Interval(-0.034, -0.079, 0.013, 0.95), new Interval(0.021, -0.05, 0.098, 0.95), Instant.EPOCH);
        var confirmed = new ConfirmationResult.Confirmed(gain, seedLoss, variantLoss, logMfu, logMfu, List.of());
        assertEquals("""
                best  7d82aa0000000000  perplexity 11.69 (seed 12.10): confirmed -3.4% [-7.9%, +1.3%], not significant
                      3 + 3 evaluations with fresh seeds, 95% intervals; MFU 3.0% (seed 3.0%): +2.1% [-5.0%, +9.8%]""",
                Headline.confirmed(confirmed).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void anUnconfirmedBestSaysItIsOneDrawAndWhy() {
        var best = new Standings.Measured("7d82aa0000000000", Sample.of(Math.log(11.693)), Sample.of(Math.log(0.031)));
        var seed = new Standings.Measured("0123456789abcdef", Sample.of(Math.log(24.31)), Sample.of(Math.log(0.030)));
        assertEquals("""
                best  7d82aa0000000000  perplexity 11.693 (seed 24.310): -51.9% in one draw each, unconfirmed: \
                confirm.enabled is false
                      MFU 3.1% (seed 3.0%)""",
                Headline.unconfirmed(best, Optional.of(seed), "confirm.enabled is false").replace(System.lineSeparator(), "\n"));
    }
}
