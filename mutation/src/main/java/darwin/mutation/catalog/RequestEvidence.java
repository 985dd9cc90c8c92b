package darwin.mutation.catalog;

import darwin.core.Budget;
import java.util.List;
import java.util.Objects;

/**
 * What the request advisor reads.
 *
 * @param budget the budget every variant of the run trains under
 * @param leaders the training curves of the best variants of the latest generation (any number,
 *     none included)
 * @param history the best variant's losses over recent evaluations, oldest first (successive
 *     generations of a lineage, or successive budgets)
 */
public record RequestEvidence(Budget budget, List<LossCurve> leaders, List<LossPair> history) {

    public RequestEvidence {
        Objects.requireNonNull(budget, "budget");
        leaders = List.copyOf(leaders);
        history = List.copyOf(history);
    }
}
