package darwin.mutation.catalog;

import darwin.core.Edit;
import darwin.core.Variant;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code GptConfig.BABY} expression of a variant, {@code new GptConfig(4, 4, 128, …)}, read
 * argument by argument against the names of the record's components, and rewritten one argument
 * at a time.
 *
 * <p>Why not anchor on the literals: two entries that change constants of the same line (a
 * learning rate and its floor, or a width and a batch size) would each break the other's anchor.
 * The edit that a changed line produces replaces the whole expression as it stands in the current
 * file, so any sequence of constant changes applies, each to the previous one's output. Arguments
 * that are not plain literals ({@code 1e-3 * 2}) read as absent, and the entries that need them do
 * not apply.
 *
 * @param expression the current text of the expression, from {@code new} to its closing parenthesis
 * @param names the record's component names, in order
 * @param original the arguments' texts as found, blanks included
 * @param arguments the arguments' texts after the changes made so far
 */
public record ConfigLine(String expression, List<String> names, List<String> original, List<String> arguments) {

    private static final Pattern BABY = Pattern.compile("\\bBABY\\s*=\\s*(new\\s+GptConfig\\s*\\()");
    private static final Pattern HEADER = Pattern.compile("\\brecord\\s+GptConfig\\s*\\(");
    private static final Pattern IDENTIFIER = Pattern.compile("([\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)\\s*$");
    private static final MathContext DIGITS = new MathContext(3);

    public ConfigLine {
        Objects.requireNonNull(expression, "expression");
        names = List.copyOf(names);
        original = List.copyOf(original);
        arguments = List.copyOf(arguments);
        if (names.size() != original.size() || names.size() != arguments.size()) {
            throw new IllegalArgumentException("the configuration has " + names.size() + " components but "
                    + original.size() + " arguments");
        }
    }

    /**
     * The {@code BABY} line of a variant, when its {@code GptConfig.java} declares the record and
     * the constant in the seed's form with one argument per component, and the expression occurs
     * once in the file.
     */
    public static Optional<ConfigLine> of(Variant variant) {
        String source = variant.files().get(ProgramFiles.CONFIG);
        if (source == null) {
            return Optional.empty();
        }
        Matcher header = HEADER.matcher(source);
        Matcher baby = BABY.matcher(source);
        if (!header.find() || !baby.find()) {
            return Optional.empty();
        }
        Optional<List<String>> components = arguments(source, header.end());
        int open = baby.end() - 1;
        Optional<List<String>> arguments = arguments(source, baby.end());
        if (components.isEmpty() || arguments.isEmpty() || components.get().size() != arguments.get().size()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (String component : components.get()) {
            Matcher name = IDENTIFIER.matcher(component);
            if (!name.find()) {
                return Optional.empty();
            }
            names.add(name.group(1));
        }
        int close = open + 1 + String.join(",", arguments.get()).length();
        String expression = source.substring(baby.start(1), close + 1);
        if (source.indexOf(expression) != source.lastIndexOf(expression)) {
            return Optional.empty();
        }
        return Optional.of(new ConfigLine(expression, names, arguments.get(), arguments.get()));
    }

    /** The value of a numeric argument, when it is a plain literal such as {@code 1e-3} or {@code 128}. */
    public Optional<Double> number(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            return Optional.empty();
        }
        String literal = arguments.get(index).strip().replace("_", "");
        if (!literal.matches("[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?[dDfFlL]?|[0-9]+\\.([eE][-+]?[0-9]+)?[dDfF]?")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(literal.replaceAll("[lL]$", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The value of an integer argument, when it is a plain integer literal. */
    public Optional<Integer> integer(String name) {
        return number(name).filter(value -> value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE)
                .map(Double::intValue);
    }

    /** This line with a decimal argument set, written with three significant digits ({@code 2e-3}, {@code 0.95}). */
    public ConfigLine withDecimal(String name, double value) {
        return with(name, decimal(value));
    }

    /** This line with an integer argument set. */
    public ConfigLine withInteger(String name, int value) {
        return with(name, Integer.toString(value));
    }

    /** Whether any argument differs from the file's text. */
    public boolean changed() {
        return !arguments.equals(original);
    }

    /** The edit that writes this line over the current expression. */
    public Edit.Replace edit() {
        int open = expression.indexOf('(');
        return new Edit.Replace(ProgramFiles.CONFIG, expression,
                expression.substring(0, open + 1) + String.join(",", arguments) + ")");
    }

    /** The changed arguments, e.g. {@code learningRate 1e-3 → 2e-3, minLearningRate 1e-4 → 2e-4}. */
    public String describeChanges() {
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!arguments.get(i).equals(original.get(i))) {
                changes.add(names.get(i) + " " + original.get(i).strip() + " → " + arguments.get(i).strip());
            }
        }
        return String.join(", ", changes);
    }

    private ConfigLine with(String name, String literal) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("the configuration has no component " + name + ": " + names);
        }
        String current = arguments.get(index);
        String leading = current.substring(0, current.length() - current.stripLeading().length());
        String trailing = current.substring(current.stripTrailing().length());
        List<String> next = new ArrayList<>(arguments);
        next.set(index, leading + literal + trailing);
        return new ConfigLine(expression, names, original, next);
    }

    /**
     * The top-level, comma-separated texts from {@code start} (just after an opening parenthesis)
     * to the matching closing one, blanks kept; empty when the parenthesis is not closed.
     */
    private static Optional<List<String>> arguments(String source, int start) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = start;
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '(' || c == '<' || c == '[' || c == '{') {
                depth++;
            } else if ((c == '>' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ')') {
                if (depth == 0) {
                    parts.add(source.substring(from, i));
                    return Optional.of(parts);
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(source.substring(from, i));
                from = i + 1;
            }
        }
        return Optional.empty();
    }

    /** A double literal with three significant digits: {@code 0.95}, {@code 0.5}, {@code 2e-3}, {@code 0.0}. */
    public static String decimal(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite value: " + value);
        }
        BigDecimal rounded = new BigDecimal(value).round(DIGITS).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0.0";
        }
        double magnitude = Math.abs(rounded.doubleValue());
        if (magnitude >= 1e-2 && magnitude < 1e4) {
            String plain = rounded.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        int exponent = rounded.precision() - rounded.scale() - 1;
        return rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString() + "e" + exponent;
    }
}
