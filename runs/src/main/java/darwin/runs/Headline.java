package darwin.runs;

import darwin.population.confirm.ConfirmationResult;
import darwin.population.confirm.Standings.Measured;
import java.util.Locale;
import java.util.Optional;

/**
 * The lines of a run's summary that name its best variant: the confirmed change with its interval
 * when the confirmation gave one, else the run's own draws, said to be unconfirmed and why.
 */
final class Headline {

    private Headline() {}

    /**
     * {@code best  7d82…  perplexity 11.69 (seed 12.10): confirmed -3.4% [-7.9%, +1.3%], not significant}, and a
     * second line with the evaluations it rests on and the MFU change.
     */
    static String confirmed(ConfirmationResult.Confirmed c) {
        return String.format(Locale.ROOT, "best  %s  perplexity %.2f (seed %.2f): confirmed %s, %s%n"
                + "      %d + %d evaluations with fresh seeds, 95%% intervals; MFU %.1f%% (seed %.1f%%): %s",
                c.variant(), c.variantPerplexity(), c.seedPerplexity(), c.gain().perplexity().percent(), c.verdict().words(),
                c.seedLoss().count(), c.variantLoss().count(), 100 * c.variantMfu(), 100 * c.seedMfu(),
                c.gain().mfu().percent());
    }

    /**
     * {@code best  7d82…  perplexity 11.693 (seed 12.103): -3.4% in one draw each, unconfirmed: WHY}: the
     * run's own figures, which chose the variant and so flatter it.
     */
    static String unconfirmed(Measured best, Optional<Measured> seed, String why) {
        String against = seed.map(s -> String.format(Locale.ROOT, " (seed %.3f): %+.1f%% in %s", s.perplexity(),
                100 * (best.perplexity() / s.perplexity() - 1), draws(best.count(), s.count()))).orElse(" (seed not measured)");
        return String.format(Locale.ROOT, "best  %s  perplexity %.3f%s, unconfirmed: %s%n      MFU %.1f%%%s", best.variant(),
                best.perplexity(), against, why, 100 * best.mfu(),
                seed.map(s -> String.format(Locale.ROOT, " (seed %.1f%%)", 100 * s.mfu())).orElse(""));
    }

    private static String draws(int best, int seed) {
        return best == 1 && seed == 1 ? "one draw each"
                : best + (best == 1 ? " draw" : " draws") + " of it and " + seed + " of the seed";
    }
}
