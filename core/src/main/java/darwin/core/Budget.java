package darwin.core;

import java.util.Locale;

/**
 * The compute a training program may spend: a number of optimizer steps, or seconds of
 * wall-clock training (the Languini Kitchen protocol, under which faster code sees more tokens).
 *
 * <p>Every variant compared within a run gets the same budget.
 */
public sealed interface Budget permits Budget.Steps, Budget.Seconds {

    /** A short human-readable form such as {@code 2000 steps} or {@code 30 s}. */
    String describe();

    /** A stable key for caches and file names, such as {@code steps-2000} or {@code seconds-30.0}. */
    String key();

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
            if (!(seconds > 0) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException("a time budget must be a positive number of seconds, got " + seconds);
            }
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

    /**
     * The budget a {@link #key()} names: {@code steps-2000} or {@code seconds-30.0}.
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
}
