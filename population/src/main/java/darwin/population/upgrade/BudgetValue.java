package darwin.population.upgrade;

import darwin.core.Budget;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the budget a {@code BUDGET} request asks for: a number in the unit of the run's budget,
 * larger than the budget in force, since a budget only rises. The units: {@code 60}, {@code 60 s},
 * {@code 60 seconds} (seconds and equal time); {@code 3000}, {@code 3000 steps}; {@code 3000 tokens};
 * {@code 1e15}, {@code 1e15 flops}. A budget's key ({@code seconds-60.0}, {@code steps-3000},
 * {@code tokens-3000}, {@code flops-1.0E15}, {@code equal-time-60.0}) reads as well, when it is of
 * the run's kind.
 */
final class BudgetValue {

    private static final Pattern FORM = Pattern.compile(
            "(?i)\\s*([0-9]+(?:\\.[0-9]+)?(?:e[+-]?[0-9]+)?)\\s*(s|sec|secs|seconds?|steps?|tokens?|flops?)?\\s*\\.?\\s*");

    private BudgetValue() {}

    static Budget read(String text, Budget current) throws UpgradeException {
        Budget asked = key(text, current);
        if (asked == null) {
            asked = number(text, current);
        }
        if (!larger(asked, current)) {
            throw new UpgradeException("a budget only rises: " + asked.describe() + " is not more than " + current.describe());
        }
        return asked;
    }

    /** The budget {@code text} is the key of, if it is one; {@code null} when it is not a key. */
    private static Budget key(String text, Budget current) throws UpgradeException {
        Budget asked;
        try {
            asked = Budget.ofKey(text);
        } catch (IllegalArgumentException notAKey) {
            return null; // a number, with or without its unit
        }
        if (asked.getClass() != current.getClass()) {
            throw incomparable(current, unit(asked));
        }
        return asked;
    }

    private static Budget number(String text, Budget current) throws UpgradeException {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new UpgradeException("'" + shorten(text) + "' is not a budget; give a number of "
                    + unit(current) + " larger than " + current.describe() + " (approve ID --with N)");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "" : unitOf(m.group(2).toLowerCase(Locale.ROOT));
        if (!unit.isEmpty() && !unit.equals(unit(current))) {
            throw incomparable(current, unit);
        }
        try {
            return switch (current) {
                case Budget.Steps s -> Budget.steps(whole(number, m.group(1), "step"));
                case Budget.Seconds s -> Budget.seconds(number);
                case Budget.Tokens t -> Budget.tokens(whole(number, m.group(1), "token"));
                case Budget.Flops f -> Budget.flops(number);
                case Budget.EqualTime e -> Budget.equalTime(number);
            };
        } catch (IllegalArgumentException e) {
            throw new UpgradeException("a budget only rises: " + m.group(1) + " " + unit(current) + " is not more than "
                    + current.describe());
        }
    }

    private static long whole(double number, String text, String unit) throws UpgradeException {
        if (number != Math.rint(number) || number >= Long.MAX_VALUE) {
            throw new UpgradeException("a " + unit + " budget is a whole number of " + unit + "s, not " + text);
        }
        return (long) number;
    }

    private static UpgradeException incomparable(Budget current, String unit) {
        return new UpgradeException("the run's budget is in " + unit(current) + " (" + current.describe()
                + "); a budget in " + unit + " would make its variants incomparable");
    }

    private static boolean larger(Budget asked, Budget current) {
        return switch (current) {
            case Budget.Steps s -> ((Budget.Steps) asked).steps() > s.steps();
            case Budget.Seconds s -> ((Budget.Seconds) asked).seconds() > s.seconds();
            case Budget.Tokens t -> ((Budget.Tokens) asked).tokens() > t.tokens();
            case Budget.Flops f -> ((Budget.Flops) asked).flops() > f.flops();
            case Budget.EqualTime e -> ((Budget.EqualTime) asked).seconds() > e.seconds();
        };
    }

    /** The unit a budget of this kind is counted in, as people write it. */
    private static String unit(Budget budget) {
        return switch (budget) {
            case Budget.Steps s -> "steps";
            case Budget.Seconds s -> "seconds";
            case Budget.Tokens t -> "tokens";
            case Budget.Flops f -> "flops";
            case Budget.EqualTime e -> "seconds";
        };
    }

    private static String unitOf(String written) {
        if (written.startsWith("step")) {
            return "steps";
        }
        if (written.startsWith("token")) {
            return "tokens";
        }
        if (written.startsWith("flop")) {
            return "flops";
        }
        return "seconds";
    }

    private static String shorten(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return line.length() > 60 ? line.substring(0, 57) + "…" : line;
    }
}
