package darwin.core;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The compute a training program may spend. Five kinds:
 *
 * <ul>
 *   <li>{@link Steps}: optimizer steps (training batches);
 *   <li>{@link Seconds}: seconds of wall-clock training, under which faster code sees more tokens,
 *       and every swing of a shared host's speed shows in the held-out loss;
 *   <li>{@link Tokens}: training tokens, whatever the batch shape and whatever the host's speed;
 *   <li>{@link Flops}: model FLOPs, turned into tokens with the model's FLOPs per token, so that a
 *       larger model trains on fewer tokens;
 *   <li>{@link EqualTime}: the Languini Kitchen protocol, the tokens the variant would process in
 *       the seconds on this machine, from the reference program's calibrated throughput and the
 *       variant's speed relative to it measured side by side.
 * </ul>
 *
 * <p>The last three make the held-out loss independent of the host's speed at the moment of
 * training. Every variant compared within a run gets the same budget.
 */
public sealed interface Budget permits Budget.Steps, Budget.Seconds, Budget.Tokens, Budget.Flops, Budget.EqualTime {

    /** A short human-readable form such as {@code 2000 steps} or {@code 30 s equal-time}. */
    String describe();

    /** A stable key for caches and file names, such as {@code steps-2000} or {@code seconds-30.0}. */
    String key();

    /**
     * This budget times {@code fraction}, of the same kind: a shorter run whose schedule follows
     * its own budget (a rung of successive halving). Counts round to the nearest whole one and
     * never below 1; the key names the amount, so a scaled result is cached apart from the full one.
     *
     * @param fraction in (0, 1]
     */
    default Budget scaled(double fraction) {
        if (!(fraction > 0) || fraction > 1) {
            throw new IllegalArgumentException("a budget is scaled by a fraction in (0, 1], got " + fraction);
        }
        return switch (this) {
            case Steps s -> new Steps(Math.max(1, Math.round(s.steps() * fraction)));
            case Seconds s -> new Seconds(s.seconds() * fraction);
            case Tokens t -> new Tokens(Math.max(1, Math.round(t.tokens() * fraction)));
            case Flops f -> new Flops(Math.max(1, f.flops() * fraction));
            case EqualTime e -> new EqualTime(e.seconds() * fraction);
        };
    }

    /** A budget of {@code steps} optimizer steps (training batches). */
    record Steps(long steps) implements Budget {
        public Steps {
            if (steps < 1) {
                throw new IllegalArgumentException("a step budget must be at least 1 step, got " + steps);
            }
        }

        @Override
        public String describe() {
            return steps + " steps";
        }

        @Override
        public String key() {
            return "steps-" + steps;
        }
    }

    /** A budget of {@code seconds} of wall-clock training time. */
    record Seconds(double seconds) implements Budget {
        public Seconds {
            checkSeconds(seconds, "a time budget");
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "%.4g s", seconds);
        }

        @Override
        public String key() {
            return "seconds-" + seconds;
        }
    }

    /** A budget of {@code tokens} training tokens: batches are handed out while fewer have been. */
    record Tokens(long tokens) implements Budget {
        public Tokens {
            if (tokens < 1) {
                throw new IllegalArgumentException("a token budget must be at least 1 token, got " + tokens);
            }
        }

        @Override
        public String describe() {
            return tokens + " tokens";
        }

        @Override
        public String key() {
            return "tokens-" + tokens;
        }
    }

    /** A budget of {@code flops} model FLOPs (6N + 12·L·d·T per training token). */
    record Flops(double flops) implements Budget {
        public Flops {
            if (!(flops >= 1) || Double.isInfinite(flops)) {
                throw new IllegalArgumentException("a FLOPs budget must be a finite number of at least 1 FLOP, got " + flops);
            }
        }

        @Override
        public String describe() {
            return scientific(flops) + " FLOPs";
        }

        @Override
        public String key() {
            return "flops-" + flops;
        }
    }

    /**
     * The tokens a variant would train on in {@code seconds} on this machine: the seconds times
     * the reference program's calibrated throughput times the variant's speed relative to the
     * reference.
     */
    record EqualTime(double seconds) implements Budget {
        public EqualTime {
            checkSeconds(seconds, "an equal-time budget");
        }

        @Override
        public String describe() {
            return plain(seconds) + " s equal-time";
        }

        @Override
        public String key() {
            return "equal-time-" + seconds;
        }
    }

    /**
     * The budget a {@link #key()} names: {@code steps-2000}, {@code seconds-30.0},
     * {@code tokens-100000}, {@code flops-1.0E15} or {@code equal-time-30.0}.
     *
     * @throws IllegalArgumentException when {@code key} is not the key of a budget
     */
    static Budget ofKey(String key) {
        String text = key == null ? "" : key.strip();
        try {
            if (text.startsWith("steps-")) {
                return steps(Long.parseLong(text.substring("steps-".length())));
            }
            if (text.startsWith("seconds-")) {
                return seconds(Double.parseDouble(text.substring("seconds-".length())));
            }
            if (text.startsWith("tokens-")) {
                return tokens(Long.parseLong(text.substring("tokens-".length())));
            }
            if (text.startsWith("flops-")) {
                return flops(Double.parseDouble(text.substring("flops-".length())));
            }
            if (text.startsWith("equal-time-")) {
                return equalTime(Double.parseDouble(text.substring("equal-time-".length())));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' is not the key of a budget", e);
        }
        throw new IllegalArgumentException("'" + key + "' is not the key of a budget");
    }

    static Budget steps(long steps) {
        return new Steps(steps);
    }

    static Budget seconds(double seconds) {
        return new Seconds(seconds);
    }

    static Budget tokens(long tokens) {
        return new Tokens(tokens);
    }

    static Budget flops(double flops) {
        return new Flops(flops);
    }

    static Budget equalTime(double seconds) {
        return new EqualTime(seconds);
    }

    /** A number in scientific notation with no trailing zeros: {@code 1.2e+15}, {@code 1e+15}. */
    private static String scientific(double value) {
        String text = String.format(Locale.ROOT, "%.6e", value);
        int exponent = text.indexOf('e');
        String mantissa = text.substring(0, exponent).replaceAll("\\.?0+$", "");
        return mantissa + text.substring(exponent);
    }

    /** A number as written, without trailing zeros: {@code 30}, {@code 2.5}. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void checkSeconds(double seconds, String what) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(what + " must be a positive number of seconds, got " + seconds);
        }
    }
}
