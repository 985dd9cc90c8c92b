package darwin.population.selection;

import darwin.core.Variant;
import java.util.Objects;

/**
 * One agent and a variant it stands for, with the variant's fitness. Among the current members
 * of a population the agent owns the variant; among a generation's offspring it is the agent that
 * proposed the variant.
 *
 * @param agent the agent's id
 * @param variant the variant's id
 * @param fitness the variant's fitness
 */
public record Member(String agent, String variant, Fitness fitness) {

    public Member {
        if (agent == null || agent.isBlank()) {
            throw new IllegalArgumentException("a member needs an agent");
        }
        if (!Variant.isId(variant)) {
            throw new IllegalArgumentException("'" + variant + "' is not a variant id");
        }
        Objects.requireNonNull(fitness, "fitness");
    }

    /** The variant as a candidate for selection. */
    public Candidate candidate() {
        return new Candidate(variant, fitness);
    }
}
