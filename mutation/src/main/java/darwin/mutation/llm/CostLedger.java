package darwin.mutation.llm;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a run's LLM calls spent, in total and per agent: calls, tokens and US dollars.
 *
 * <p>Concurrency: safe for use by every agent's thread at once; each method holds the ledger's
 * lock for a few additions, so totals are always consistent with each other.
 */
public final class CostLedger {

    /**
     * The spending of a run or an agent.
     *
     * @param calls calls booked
     * @param usage tokens spent
     * @param cost US dollars spent
     */
    public record Totals(long calls, Usage usage, double cost) {

        /** Nothing spent. */
        public static final Totals NONE = new Totals(0, Usage.NONE, 0);

        public Totals {
            Objects.requireNonNull(usage, "usage");
            if (calls < 0 || !(cost >= 0)) {
                throw new IllegalArgumentException("calls and cost must not be negative");
            }
        }

        Totals plus(Completion completion) {
            return new Totals(calls + 1, usage.plus(completion.usage()), cost + completion.cost());
        }
    }

    private final Map<String, Totals> byAgent = new TreeMap<>();
    private Totals run;

    /** An empty ledger. */
    public CostLedger() {
        this(Totals.NONE);
    }

    /** A ledger that starts from what a run had spent before it was stopped, to be resumed. */
    public CostLedger(Totals spentBefore) {
        this.run = Objects.requireNonNull(spentBefore, "spentBefore");
    }

    /** Books one call of {@code agent}: its tokens and cost, whatever its outcome. */
    public synchronized void record(String agent, Completion completion) {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(completion, "completion");
        run = run.plus(completion);
        byAgent.put(agent, byAgent.getOrDefault(agent, Totals.NONE).plus(completion));
    }

    /** US dollars the run has spent. */
    public synchronized double spent() {
        return run.cost();
    }

    /** What the run has spent. */
    public synchronized Totals run() {
        return run;
    }

    /** What {@code agent} has spent in this process. */
    public synchronized Totals agent(String agent) {
        return byAgent.getOrDefault(agent, Totals.NONE);
    }

    /** What each agent has spent in this process, by name. */
    public synchronized SortedMap<String, Totals> byAgent() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(byAgent));
    }
}
