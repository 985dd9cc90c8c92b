package darwin.runs.report;

import darwin.memory.ledger.LedgerEntry;
import darwin.memory.ledger.Proposed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's LLM spending after one proposal: the cumulative cost of every proposal up to it, in
 * US dollars, at the time the ledger recorded it.
 *
 * @param minutes minutes since the run started
 * @param generation the proposal's generation
 * @param cost what this proposal cost
 * @param cumulative what every proposal up to this one cost
 */
public record CostPoint(double minutes, int generation, double cost, double cumulative) {

    public CostPoint {
        if (!(cost >= 0) || !(cumulative >= cost) || !Double.isFinite(minutes)) {
            throw new IllegalArgumentException("bad cost point: " + minutes + " min, $" + cost + ", $" + cumulative);
        }
    }

    /** One point per PROPOSAL event, in ledger order. */
    static List<CostPoint> of(RunRecords records) {
        Instant start = records.state().created();
        double total = 0;
        List<CostPoint> points = new ArrayList<>();
        for (LedgerEntry entry : records.entries(Proposed.class)) {
            Proposed proposal = (Proposed) entry.event();
            double asked = proposal.cost();
            double cost = Double.isFinite(asked) && asked > 0 ? asked : 0;
            total += cost;
            points.add(new CostPoint(Duration.between(start, entry.time()).toMillis() / 60_000.0, proposal.generation(),
                    cost, total));
        }
        return points;
    }
}
