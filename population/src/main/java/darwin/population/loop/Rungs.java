package darwin.population.loop;

import darwin.core.Budget;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How a run spends its compute on children: successive halving over budgets. With {@code count}
 * rungs and reduction factor {@code eta}, rung r (0-based) trains for B / eta^(count − 1 − r) of the
 * full budget B — B/9, B/3 and B for the default 3 rungs and eta = 3 — each a fresh training run
 * whose schedule follows the budget it is given, not a prefix of the full run. About one child in
 * eta is promoted from one rung to the next; only the last rung, the full budget, enters selection.
 *
 * @param count how many rungs; 1 trains every child for the full budget at once (rungs off)
 * @param eta the reduction factor between rungs, at least 2
 * @param protectedTags the change tags (lower case) whose children start at the second rung: short
 *     runs are known to penalise them (a schedule, a wider model, more regularisation)
 */
public record Rungs(int count, int eta, Set<String> protectedTags) {

    /** Every child trains for the full budget. */
    public static final Rungs OFF = new Rungs(1, 3, Set.of());

    /** The tags a short run is known to judge unfairly: a schedule, the model's shape, regularisation. */
    public static final Set<String> KNOWN_TRAPS = Set.of("schedule", "architecture", "regularisation");

    public Rungs {
        if (count < 1 || count > 5) {
            throw new IllegalArgumentException("a run has 1 to 5 rungs, got " + count);
        }
        if (eta < 2 || eta > 10) {
            throw new IllegalArgumentException("the reduction factor between rungs is 2 to 10, got " + eta);
        }
        protectedTags = Set.copyOf(Objects.requireNonNull(protectedTags, "protectedTags").stream()
                .map(t -> t.strip().toLowerCase(Locale.ROOT)).toList());
        if (count > 1 && Math.pow(eta, count - 1) > 1_000) {
            throw new IllegalArgumentException("the lowest rung would get less than a thousandth of the budget: "
                    + count + " rungs at eta " + eta);
        }
    }

    /** Whether children climb rungs at all. */
    public boolean on() {
        return count > 1;
    }

    /** The index of the full budget's rung. */
    public int full() {
        return count - 1;
    }

    /** The budget of rung {@code rung}: the full budget over eta to the number of rungs above it. */
    public Budget budget(Budget full, int rung) {
        if (rung < 0 || rung >= count) {
            throw new IllegalArgumentException("rung " + rung + " of " + count);
        }
        return rung == full() ? full : full.scaled(Math.pow(eta, -(full() - rung)));
    }

    /** The rung a child with these tags starts at: the second for a protected change, else the first. */
    public int start(Collection<String> tags) {
        if (!on()) {
            return 0;
        }
        boolean trap = tags.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).anyMatch(protectedTags::contains);
        return trap ? Math.min(1, full()) : 0;
    }
}
