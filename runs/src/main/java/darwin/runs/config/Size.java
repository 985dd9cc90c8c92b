package darwin.runs.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of memory, as the JVM's {@code -Xmx} writes it: {@code 512m}, {@code 2g}. Units are
 * binary (k = 1024 bytes); a number without a unit is bytes.
 *
 * @param bytes how many bytes, not negative
 */
public record Size(long bytes) {

    private static final Pattern FORM = Pattern.compile("([0-9]{1,19})\\s*([kmgt]?)(?:i?b)?");
    private static final String UNITS = "kmgt";

    public Size {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size must not be negative, got " + bytes);
        }
    }

    /**
     * The size {@code text} writes: digits and an optional unit {@code k}, {@code m}, {@code g} or
     * {@code t} (any case, optionally followed by {@code b} or {@code ib}): {@code 512m}, {@code 8g},
     * {@code 8GiB}, {@code 1048576}.
     *
     * @throws IllegalArgumentException for anything else, or a size beyond a {@code long}
     */
    public static Size parse(String text) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size such as 512m or 8g");
        }
        int shift = m.group(2).isEmpty() ? 0 : 10 * (UNITS.indexOf(m.group(2)) + 1);
        try {
            long number = Long.parseLong(m.group(1));
            if (shift > 0 && number > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return new Size(number << shift);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large a size", e);
        }
    }

    /** A size of {@code n} gibibytes. */
    public static Size gigabytes(long n) {
        return parse(n + "g");
    }

    /** A size of {@code n} mebibytes. */
    public static Size megabytes(long n) {
        return parse(n + "m");
    }

    /** The shortest exact form, in the largest unit that divides it: {@code 2g}, {@code 1536m}, {@code 100}. */
    @Override
    public String toString() {
        for (int unit = UNITS.length(); unit > 0; unit--) {
            long scale = 1L << (10 * unit);
            if (bytes != 0 && bytes % scale == 0) {
                return bytes / scale + UNITS.substring(unit - 1, unit);
            }
        }
        return Long.toString(bytes);
    }
}
