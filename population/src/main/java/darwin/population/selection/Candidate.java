package darwin.population.selection;

import darwin.core.Variant;
import java.util.Objects;

/**
 * A variant up for selection: its id and its fitness.
 *
 * @param variant the variant's id
 * @param fitness its fitness
 */
public record Candidate(String variant, Fitness fitness) {

    public Candidate {
        if (!Variant.isId(variant)) {
            throw new IllegalArgumentException("'" + variant + "' is not a variant id");
        }
        Objects.requireNonNull(fitness, "fitness");
    }
}
