package darwin.population.selection;

import java.util.Objects;

/**
 * Where a candidate stands in a {@link Selector}'s order, with the figures that put it there:
 * a Pareto front and a crowding distance, or a weighted score.
 */
public sealed interface Standing {

    /** The candidate's variant id. */
    String variant();

    /** The candidate's fitness. */
    Fitness fitness();

    /**
     * A place by non-dominated sorting.
     *
     * @param variant the variant's id
     * @param fitness its fitness
     * @param front the index of its Pareto front, 0 for the non-dominated candidates
     * @param crowding its crowding distance within the front: infinite at the front's ends, 0 for
     *        a failure (failures have no objectives to be crowded on)
     */
    record InFront(String variant, Fitness fitness, int front, double crowding) implements Standing {
        public InFront {
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(fitness, "fitness");
            if (front < 0) {
                throw new IllegalArgumentException("a front index is not negative, got " + front);
            }
            if (Double.isNaN(crowding) || crowding < 0) {
                throw new IllegalArgumentException("a crowding distance is not negative, got " + crowding);
            }
        }
    }

    /**
     * A place by weighted score.
     *
     * @param variant the variant's id
     * @param fitness its fitness
     * @param score its {@link WeightedScore}, lower is better; positive infinity for a failure
     */
    record Scored(String variant, Fitness fitness, double score) implements Standing {
        public Scored {
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(fitness, "fitness");
            if (Double.isNaN(score)) {
                throw new IllegalArgumentException("a score is a number");
            }
        }
    }
}
