package darwin.runs.config;

import com.fasterxml.jackson.databind.JsonNode;
import darwin.mutation.llm.PriceTable.Price;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The types of darwin's settings. Each reads text strictly — a whole number is digits, a size has
 * a unit of k, m, g or t, a choice is one of its names — and refuses a value with a message that
 * quotes it and says what is allowed.
 */
public final class SettingTypes {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m|h)?");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SettingTypes() {}

    /** Whole numbers from {@code min} to {@code max}. */
    public static SettingType<Integer> wholeNumber(int min, int max) {
        return Range.natural(min, max, "a whole number", text -> Integer.valueOf(text.strip()), Object::toString);
    }

    /** Whole numbers from {@code min} to {@code max}, as longs. */
    public static SettingType<Long> longNumber(long min, long max) {
        return Range.natural(min, max, "a whole number", text -> Long.valueOf(text.strip()), Object::toString);
    }

    /** Any whole number that fits a long. */
    public static SettingType<Long> longNumber() {
        return new Range<>(Long.MIN_VALUE, Long.MAX_VALUE, "a whole number", text -> Long.valueOf(text.strip()),
                Object::toString, Comparator.naturalOrder());
    }

    /** Numbers from {@code min} to {@code max}, both included. */
    public static SettingType<Double> decimal(double min, double max) {
        return Range.natural(min, max, "a number", SettingTypes::decimalValue, SettingTypes::plain);
    }

    /** Numbers above 0, up to {@code max}. */
    public static SettingType<Double> positive(double max) {
        return new SettingType<>() {
            @Override
            public String allowed() {
                return "a number above 0, at most " + plain(max);
            }

            @Override
            public Double parse(String text) {
                double value;
                try {
                    value = decimalValue(text);
                } catch (NumberFormatException e) {
                    throw refused(text, allowed());
                }
                check(value);
                return value;
            }

            @Override
            public void check(Double value) {
                if (!(value > 0 && value <= max)) {
                    throw refused(plain(value), allowed());
                }
            }

            @Override
            public String render(Double value) {
                return plain(value);
            }
        };
    }

    /** {@code true} or {@code false} (YAML's {@code yes}, {@code no}, {@code on} and {@code off} too). */
    public static SettingType<Boolean> bool() {
        return new SettingType<>() {
            @Override
            public String allowed() {
                return "true or false";
            }

            @Override
            public Boolean parse(String text) {
                return switch (text.strip().toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on" -> true;
                    case "false", "no", "off" -> false;
                    default -> throw refused(text, allowed());
                };
            }

            @Override
            public void check(Boolean value) {
                Objects.requireNonNull(value, "value");
            }

            @Override
            public String render(Boolean value) {
                return value.toString();
            }
        };
    }

    /** One of {@code values}, each written as {@code name} gives it (case does not matter when reading). */
    public static <T> SettingType<T> choice(List<T> values, Function<T, String> name) {
        List<T> choices = List.copyOf(values);
        return new SettingType<>() {
            @Override
            public String allowed() {
                List<String> names = choices.stream().map(name).toList();
                return "one of " + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
            }

            @Override
            public T parse(String text) {
                return choices.stream().filter(c -> name.apply(c).equalsIgnoreCase(text.strip())).findFirst()
                        .orElseThrow(() -> refused(text, allowed()));
            }

            @Override
            public void check(T value) {
                if (!choices.contains(value)) {
                    throw refused(String.valueOf(value), allowed());
                }
            }

            @Override
            public String render(T value) {
                return name.apply(value);
            }
        };
    }

    /** Text without spaces, such as a model's name ({@code gpt-4o-mini}, {@code llama3.1:8b}). */
    public static SettingType<String> name(String what) {
        return new Text("a " + what + " without spaces", "\\S+");
    }

    /** The name of an environment variable, such as {@code OPENAI_API_KEY}: never its value. */
    public static SettingType<String> variableName() {
        return new Text("the NAME of an environment variable, such as OPENAI_API_KEY (letters, digits and underscores)",
                VARIABLE.pattern());
    }

    /** An http or https URL with a host. */
    public static SettingType<URI> url() {
        return new SettingType<>() {
            @Override
            public String allowed() {
                return "an http or https URL with a host, such as http://localhost:8000/v1";
            }

            @Override
            public URI parse(String text) {
                notInterpolated(text);
                try {
                    URI url = new URI(text.strip());
                    check(url);
                    return url;
                } catch (URISyntaxException e) {
                    throw refused(text, allowed());
                }
            }

            @Override
            public void check(URI value) {
                if (!("http".equals(value.getScheme()) || "https".equals(value.getScheme())) || value.getHost() == null) {
                    throw refused(value.toString(), allowed());
                }
            }

            @Override
            public String render(URI value) {
                return value.toString();
            }
        };
    }

    /** A file system path, relative to the working directory unless absolute. */
    public static SettingType<Path> path() {
        return new SettingType<>() {
            @Override
            public String allowed() {
                return "a path";
            }

            @Override
            public Path parse(String text) {
                notInterpolated(text);
                if (text.isBlank()) {
                    throw refused(text, allowed());
                }
                try {
                    return Path.of(text.strip());
                } catch (InvalidPathException e) {
                    throw refused(text, allowed());
                }
            }

            @Override
            public void check(Path value) {
                if (value.toString().isBlank()) {
                    throw refused(value.toString(), allowed());
                }
            }

            @Override
            public String render(Path value) {
                return value.toString();
            }
        };
    }

    /** Sizes such as {@code 512m} or {@code 8g} (see {@link Size#parse}), from {@code min} to {@code max}. */
    public static SettingType<Size> size(Size min, Size max) {
        return new Range<>(min, max, "a size such as 512m or 8g from " + min + " to " + max, Size::parse,
                Size::toString, Comparator.comparingLong(Size::bytes));
    }

    /**
     * Durations from {@code min} to {@code max}: a number of seconds ({@code 60}, {@code 1.5}), or a
     * number with a unit: {@code ms}, {@code s}, {@code m} (minutes), {@code h}.
     */
    public static SettingType<Duration> duration(Duration min, Duration max) {
        return new Range<>(min, max, "a duration such as 60s, 5m or 1h (a plain number is seconds) from "
                + durationText(min) + " to " + durationText(max), SettingTypes::durationValue, SettingTypes::durationText,
                Comparator.naturalOrder());
    }

    /** The values of {@code type}, or {@code none}: empty. */
    public static <T> SettingType<Optional<T>> orNone(SettingType<T> type) {
        return new SettingType<>() {
            @Override
            public String allowed() {
                return type.allowed() + ", or none";
            }

            @Override
            public Optional<T> parse(String text) {
                return text.strip().equalsIgnoreCase("none") ? Optional.empty() : Optional.of(type.parse(text));
            }

            @Override
            public Optional<T> read(JsonNode tree) {
                return Optional.of(type.read(tree));
            }

            @Override
            public void check(Optional<T> value) {
                value.ifPresent(type::check);
            }

            @Override
            public String render(Optional<T> value) {
                return value.map(type::render).orElse("none");
            }
        };
    }

    /**
     * Words handed on as they are, such as command-line arguments: a YAML list, or text split at
     * white space ({@code --constraint=skylake --exclusive}); an empty list for none.
     */
    public static SettingType<List<String>> words(String what) {
        return new SettingType<>() {
            @Override
            public String allowed() {
                return what + ": a YAML list, or words separated by spaces";
            }

            @Override
            public List<String> parse(String text) {
                notInterpolated(text);
                String inner = text.strip();
                List<String> words = inner.startsWith("[") && inner.endsWith("]")
                        ? Arrays.stream(inner.substring(1, inner.length() - 1).split(",")).map(String::strip)
                                .filter(word -> !word.isEmpty()).toList()
                        : inner.isEmpty() ? List.of() : List.of(inner.split("\\s+"));
                check(words);
                return words;
            }

            @Override
            public List<String> read(JsonNode tree) {
                if (!tree.isArray()) {
                    throw new IllegalArgumentException("a YAML mapping is not " + allowed());
                }
                List<String> words = new ArrayList<>();
                tree.forEach(item -> words.add(item.asText().strip()));
                check(words);
                return List.copyOf(words);
            }

            @Override
            public void check(List<String> value) {
                for (String word : value) {
                    if (word == null || word.isEmpty() || !word.matches("\\S+")) {
                        throw refused(String.valueOf(word), "a word of " + what + " (no spaces)");
                    }
                }
            }

            @Override
            public String render(List<String> value) {
                return String.join(" ", value);
            }
        };
    }

    /**
     * Lines of shell, run as they are (a variable such as {@code $HOME} is the shell's business, not
     * the configuration's): any text that is not blank.
     */
    public static SettingType<String> shellLines() {
        return new SettingType<>() {
            @Override
            public String allowed() {
                return "lines of shell, not blank";
            }

            @Override
            public String parse(String text) {
                check(text.strip());
                return text.strip();
            }

            @Override
            public void check(String value) {
                if (value == null || value.isBlank()) {
                    throw refused(String.valueOf(value), allowed());
                }
            }

            @Override
            public String render(String value) {
                return value;
            }
        };
    }

    /** Model prices: a mapping of model names to {@code {input: USD, output: USD}} per million tokens. */
    public static SettingType<Map<String, Price>> prices() {
        return new PriceMap();
    }

    static IllegalArgumentException refused(String text, String allowed) {
        return new IllegalArgumentException("'" + text + "' is not " + allowed);
    }

    /** Refuses {@code ${VARIABLE}}: the environment is not read into the configuration. */
    static void notInterpolated(String text) {
        if (text.contains("${")) {
            throw new IllegalArgumentException("'" + text + "' asks for an environment variable, and the configuration"
                    + " is not interpolated: write the value itself (for a key, name its variable in llm.api-key-env)");
        }
    }

    static double decimalValue(String text) {
        if (!DECIMAL.matcher(text.strip()).matches()) {
            throw new NumberFormatException(text);
        }
        return Double.parseDouble(text.strip());
    }

    /** {@code 20} for 20.0, {@code 0.5} for 0.5: no trailing zeros, no exponent. */
    static String plain(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        String text = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    private static Duration durationValue(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(text);
        }
        BigDecimal number = new BigDecimal(m.group(1));
        long millisPerUnit = switch (Objects.requireNonNullElse(m.group(2), "s")) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1_000;
        };
        return Duration.ofMillis(number.multiply(BigDecimal.valueOf(millisPerUnit)).longValueExact());
    }

    private static String durationText(Duration value) {
        return value.toMillisPart() == 0 ? value.toSeconds() + "s" : value.toMillis() + "ms";
    }

    /** Text that matches a pattern, and asks for no environment variable. */
    private record Text(String allowed, String pattern) implements SettingType<String> {

        @Override
        public String parse(String text) {
            notInterpolated(text);
            String value = text.strip();
            check(value);
            return value;
        }

        @Override
        public void check(String value) {
            if (value == null || !value.matches(pattern)) {
                throw refused(String.valueOf(value), allowed);
            }
        }

        @Override
        public String render(String value) {
            return value;
        }
    }
}
