package darwin.population.loop;

import darwin.core.Budget;
import darwin.population.selection.Selector;
import java.util.Objects;

/**
 * The shape of an evolution run.
 *
 * @param agents how many agents (each owns one variant)
 * @param offspring proposals per generation
 * @param generations how many generations the run has in all
 * @param budget the compute budget of every evaluation
 * @param seed the run's one seed: every random choice derives from it
 * @param selector how the next population is chosen (and the elites)
 * @param awaitApproval whether the run waits after a generation while requests are pending
 * @param replication the noise floor, the margin and racing
 * @param rungs the budgets a child climbs before it enters selection ({@link Rungs#OFF}: the full one at once)
 */
public record EvolutionPlan(int agents, int offspring, int generations, Budget budget, long seed, Selector selector,
        boolean awaitApproval, Replication replication, Rungs rungs) {

    /** A plan that trains every child for the full budget at once. */
    public EvolutionPlan(int agents, int offspring, int generations, Budget budget, long seed, Selector selector,
            boolean awaitApproval, Replication replication) {
        this(agents, offspring, generations, budget, seed, selector, awaitApproval, replication, Rungs.OFF);
    }

    /** A plan that does not wait for people and takes one draw per variant. */
    public EvolutionPlan(int agents, int offspring, int generations, Budget budget, long seed, Selector selector) {
        this(agents, offspring, generations, budget, seed, selector, false, Replication.NONE);
    }

    /** A plan that takes one draw per variant. */
    public EvolutionPlan(int agents, int offspring, int generations, Budget budget, long seed, Selector selector,
            boolean awaitApproval) {
        this(agents, offspring, generations, budget, seed, selector, awaitApproval, Replication.NONE);
    }

    public EvolutionPlan {
        if (agents < 2) {
            throw new IllegalArgumentException("agents edit one another's variants: at least 2 are needed, got " + agents);
        }
        if (offspring < 1 || generations < 1) {
            throw new IllegalArgumentException("offspring and generations must be at least 1");
        }
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(replication, "replication");
        Objects.requireNonNull(rungs, "rungs");
    }

    /** The seed of one random choice: of generation {@code generation}, purpose {@code slot}. */
    long seedFor(int generation, int slot) {
        long x = seed * 0x9E3779B97F4A7C15L + generation * 0xBF58476D1CE4E5B9L + slot * 0x94D049BB133111EBL;
        x ^= x >>> 31;
        return x * 0xD6E8FEB86659FD93L;
    }
}
