package darwin.runs.report;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A measured variant on the plane of the two objectives, perplexity (lower is better) and MFU
 * (higher is better), and whether it is on the Pareto front: no other variant is at least as good
 * on both and better on one.
 *
 * @param measured the variant's figures
 * @param front whether no measured variant dominates it
 */
public record ParetoPoint(Measured measured, boolean front) {

    public ParetoPoint {
        Objects.requireNonNull(measured, "measured");
    }

    /** Every variant, in the order given, with the front marked. */
    static List<ParetoPoint> of(Collection<Measured> variants) {
        return variants.stream()
                .map(v -> new ParetoPoint(v, variants.stream().noneMatch(other -> dominates(other, v))))
                .toList();
    }

    /** Whether {@code a} is at least as good as {@code b} on both objectives and better on one. */
    static boolean dominates(Measured a, Measured b) {
        return a.perplexity() <= b.perplexity() && a.mfu() >= b.mfu()
                && (a.perplexity() < b.perplexity() || a.mfu() > b.mfu());
    }
}
