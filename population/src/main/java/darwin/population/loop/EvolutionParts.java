package darwin.population.loop;

import darwin.core.Evaluator;
import darwin.core.Mutator;
import darwin.core.VariantDiff;
import darwin.core.VariantStore;
import darwin.population.upgrade.Upgrader;
import java.util.Objects;

/**
 * What the loop works through: the ports a run's assembly (in {@code runs}) fills with the
 * trainer's and the mutation side's implementations, so that the loop itself compiles against
 * {@code core} and {@code memory} alone.
 *
 * @param mutator proposes a change to a target variant
 * @param evaluator measures a variant at a budget and seed
 * @param variants keeps the run's variants (the trainer's {@code variants/<id>/} folders)
 * @param diff renders what a proposal changed, for the agents' memories
 * @param upgrader applies people's approved requests to the members' variants
 */
public record EvolutionParts(Mutator mutator, Evaluator evaluator, VariantStore variants, VariantDiff diff,
        Upgrader upgrader) {

    public EvolutionParts {
        Objects.requireNonNull(mutator, "mutator");
        Objects.requireNonNull(evaluator, "evaluator");
        Objects.requireNonNull(variants, "variants");
        Objects.requireNonNull(diff, "diff");
        Objects.requireNonNull(upgrader, "upgrader");
    }
}
