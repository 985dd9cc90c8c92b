package darwin.population.selection;

import darwin.core.Variant;

/**
 * One offspring slot of a generation: an agent that will propose a change to a target variant.
 *
 * @param mutator the agent that proposes the change
 * @param target the id of the variant to be changed
 * @param owner the agent that owns the target (the first of its owners when several share it);
 *        the mutator itself only when every agent owns the target
 */
public record Pairing(String mutator, String target, String owner) {

    public Pairing {
        if (mutator == null || mutator.isBlank()) {
            throw new IllegalArgumentException("a pairing needs a mutator");
        }
        if (!Variant.isId(target)) {
            throw new IllegalArgumentException("'" + target + "' is not a variant id");
        }
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("a pairing needs the target's owner");
        }
    }
}
