package darwin.runs.config;

import java.util.Comparator;
import java.util.function.Function;

/**
 * The type of ordered values between two bounds, both included: numbers, sizes, durations.
 *
 * @param min the least value allowed
 * @param max the greatest value allowed
 * @param allowed what is allowed, bounds included, to finish a sentence
 * @param reader reads a value from text, throwing {@link IllegalArgumentException} or
 *     {@link ArithmeticException} for text that is not one
 * @param writer writes a value as text that {@code reader} reads back
 * @param order the order of the values
 * @param <T> the type of the values
 */
record Range<T>(T min, T max, String allowed, Function<String, T> reader, Function<T, String> writer,
        Comparator<? super T> order) implements SettingType<T> {

    /** Bounds in the values' natural order, allowed as "{@code kind} from {@code min} to {@code max}". */
    static <T extends Comparable<T>> Range<T> natural(T min, T max, String kind, Function<String, T> reader,
            Function<T, String> writer) {
        return new Range<>(min, max, kind + " from " + writer.apply(min) + " to " + writer.apply(max), reader, writer,
                Comparator.naturalOrder());
    }

    @Override
    public T parse(String text) {
        T value;
        try {
            value = reader.apply(text);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw SettingTypes.refused(text, allowed);
        }
        check(value);
        return value;
    }

    @Override
    public void check(T value) {
        if (order.compare(value, min) < 0 || order.compare(value, max) > 0) {
            throw SettingTypes.refused(writer.apply(value), allowed);
        }
    }

    @Override
    public String render(T value) {
        return writer.apply(value);
    }
}
