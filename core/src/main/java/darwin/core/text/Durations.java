package darwin.core.text;

import java.time.Duration;
import java.util.Locale;

/** A duration in the words of a message: {@code 45 s}, {@code 12 min}, {@code 3 h 5 min}. */
public final class Durations {

    private Durations() {}

    /**
     * Seconds below two minutes, whole minutes below two hours, hours and minutes beyond; always
     * rounded down, so a limit reads as what it is and never more.
     */
    public static String words(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        return minutes < 120 ? minutes + " min" : String.format(Locale.ROOT, "%d h %d min", minutes / 60, minutes % 60);
    }
}
