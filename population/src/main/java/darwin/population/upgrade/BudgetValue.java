package darwin.population.upgrade;

import darwin.core.Budget;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the budget a {@code BUDGET} request asks for: a number in the unit of the run's budget
 * ({@code 60}, {@code 60 s}, {@code 60 seconds}; {@code 3000}, {@code 3000 steps}), larger than
 * the budget in force, since a budget only rises. A budget's key ({@code seconds-60.0},
 * {@code steps-3000}) reads as well.
 */
final class BudgetValue {

    private static final Pattern FORM = Pattern.compile(
            "(?i)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(s|sec|secs|seconds?|steps?)?\\s*\\.?\\s*");

    private BudgetValue() {}

    static Budget read(String text, Budget current) throws UpgradeException {
        try {
            text = switch (Budget.ofKey(text)) {
                case Budget.Steps s -> s.steps() + " steps";
                case Budget.Seconds s -> BigDecimal.valueOf(s.seconds()).toPlainString() + " seconds";
            };
        } catch (IllegalArgumentException notAKey) {
            // a number, with or without its unit
        }
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new UpgradeException("'" + shorten(text) + "' is not a budget; give a number of "
                    + unit(current) + " larger than " + current.describe() + " (approve ID --with N)");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        boolean steps = unit.startsWith("step");
        if (!unit.isEmpty() && steps != (current instanceof Budget.Steps)) {
            throw new UpgradeException("the run's budget is in " + unit(current) + " (" + current.describe()
                    + "); a budget in " + (steps ? "steps" : "seconds") + " would make its variants incomparable");
        }
        Budget asked = switch (current) {
            case Budget.Steps s -> {
                if (number != Math.rint(number)) {
                    throw new UpgradeException("a step budget is a whole number of steps, not " + m.group(1));
                }
                yield Budget.steps((long) number);
            }
            case Budget.Seconds s -> number > 0 ? Budget.seconds(number) : null;
        };
        if (asked == null || !larger(asked, current)) {
            throw new UpgradeException("a budget only rises: " + m.group(1) + " " + unit(current) + " is not more than "
                    + current.describe());
        }
        return asked;
    }

    private static boolean larger(Budget asked, Budget current) {
        return switch (current) {
            case Budget.Steps s -> ((Budget.Steps) asked).steps() > s.steps();
            case Budget.Seconds s -> ((Budget.Seconds) asked).seconds() > s.seconds();
        };
    }

    private static String unit(Budget budget) {
        return budget instanceof Budget.Steps ? "steps" : "seconds";
    }

    private static String shorten(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return line.length() > 60 ? line.substring(0, 57) + "…" : line;
    }
}
