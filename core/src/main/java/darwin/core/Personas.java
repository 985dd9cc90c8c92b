package darwin.core;

import java.util.List;

/** The personas darwin's agents take by default, one per agent in turn. */
public final class Personas {

    /** A throughput engineer, an optimisation researcher, an architecture explorer, a regularisation sceptic. */
    public static final List<Persona> DEFAULTS = List.of(
            new Persona("throughput engineer",
                    "You make every second of the budget count: fewer, larger operations, better batch and context"
                            + " shapes, less work per token, so that the model trains on more tokens in the same time.",
                    List.of("throughput", "data")),
            new Persona("optimisation researcher",
                    "You tune how the model learns: learning rate and schedule, Adam's betas, weight decay, clipping"
                            + " and initialisation, one measured change at a time.",
                    List.of("optimizer", "schedule", "initialisation")),
            new Persona("architecture explorer",
                    "You try what made small GPTs train faster: rotary embeddings, ReLU² MLPs, QK-norm, untied heads,"
                            + " width and depth trade-offs under the fixed budget.",
                    List.of("architecture")),
            new Persona("regularisation sceptic",
                    "You doubt that a model this small, trained this briefly, needs regularisation, and test whether"
                            + " dropout, weight decay and their settings earn their cost.",
                    List.of("regularisation", "optimizer")));

    private Personas() {}

    /** The persona of the agent with index {@code i}: the defaults in turn. */
    public static Persona forAgent(int i) {
        return DEFAULTS.get(Math.floorMod(i, DEFAULTS.size()));
    }

    /** The default persona whose name is given, ignoring case. */
    public static Persona named(String name) {
        return DEFAULTS.stream().filter(p -> p.name().equalsIgnoreCase(name.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no persona named '" + name + "'; the personas are "
                        + DEFAULTS.stream().map(Persona::name).toList()));
    }
}
