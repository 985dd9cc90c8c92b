package darwin.population.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/**
 * Who of a rung's entrants is promoted to the next rung: asynchronous successive halving, judged
 * by the noise.
 *
 * <p>The rung's pool is every result the rung has held in the run (earlier generations'
 * {@code history} and this generation's {@code entrants}). The cut is the held-out loss of the
 * pool's {@code ceil(n / eta)}-th best working result; an entrant is promoted when it is at least
 * as good as the cut, or when the cut is not better than it beyond the noise ({@link
 * Significance#lowerLoss}: a tie, which a short run cannot decide and the next rung can). A failed
 * result is never promoted. Only the held-out loss ranks: a rung is a prediction of the full run's
 * perplexity, and the speed objective is judged at the full budget, where it counts.
 *
 * <p>When the noise is unknown (no noise floor) ties are strict: a margin with no noise to scale it
 * would separate nothing and promote everyone, which would spend more than no rungs at all.
 *
 * <p>Deterministic: the pool's order does not matter, and the history of a generation is fixed
 * when it begins, so a resumed generation promotes the same children.
 */
public final class Promotion {

    private final int eta;
    private final Significance significance;

    /**
     * @param eta the reduction factor: about one in {@code eta} of the rung's results is promoted
     * @param significance the run's noise and margin, by which a tie at the cut is judged
     */
    public Promotion(int eta, Significance significance) {
        if (eta < 2) {
            throw new IllegalArgumentException("the reduction factor is at least 2, got " + eta);
        }
        this.eta = eta;
        this.significance = significance.loss().known() ? significance : significance.withMargin(0);
    }

    /** The entrants promoted, in their given order. */
    public SequencedSet<String> promoted(List<Candidate> history, List<Candidate> entrants) {
        List<Fitness> pool = new ArrayList<>();
        history.forEach(c -> pool.add(c.fitness()));
        entrants.forEach(c -> pool.add(c.fitness()));
        List<Fitness> working = pool.stream().filter(Fitness::works)
                .sorted(Comparator.comparingDouble(f -> f.loss().mean())).toList();
        SequencedSet<String> promoted = new LinkedHashSet<>();
        if (working.isEmpty()) {
            return promoted;
        }
        int place = (int) Math.ceil(pool.size() / (double) eta);
        Fitness cut = working.get(Math.min(place, working.size()) - 1);
        for (Candidate entrant : entrants) {
            Fitness f = entrant.fitness();
            if (f.works() && (f.loss().mean() <= cut.loss().mean() || !significance.lowerLoss(cut, f))) {
                promoted.add(entrant.variant());
            }
        }
        return promoted;
    }
}
