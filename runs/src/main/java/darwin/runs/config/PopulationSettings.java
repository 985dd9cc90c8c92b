package darwin.runs.config;

import java.util.Objects;

/**
 * The agents and the genetic algorithm.
 *
 * @param agents how many agents, each owning one variant
 * @param offspring new variants per generation
 * @param elites the best variants kept unchanged; fewer than {@code agents}, so that offspring can
 *     always take a place
 * @param generations how many generations to run
 * @param selection how survivors are chosen
 * @param weights the objectives' weights, for {@link Selection#WEIGHTED}
 */
public record PopulationSettings(int agents, int offspring, int elites, int generations, Selection selection,
        Weights weights) {

    /**
     * The weights of the two objectives in the weighted score.
     *
     * @param perplexity the weight of held-out perplexity, lower being better
     * @param mfu the weight of MFU, higher being better
     */
    public record Weights(double perplexity, double mfu) {
        public Weights {
            Settings.PERPLEXITY_WEIGHT.check(perplexity);
            Settings.MFU_WEIGHT.check(mfu);
        }
    }

    public PopulationSettings {
        Settings.AGENTS.check(agents);
        Settings.OFFSPRING.check(offspring);
        Settings.ELITES.check(elites);
        Settings.GENERATIONS.check(generations);
        Settings.SELECTION.check(selection);
        Objects.requireNonNull(weights, "weights");
        if (elites >= agents) {
            throw ConfigException.between("population.elites is " + elites + " but must be fewer than population.agents ("
                    + agents + "), or no offspring could ever survive", Settings.ELITES, Settings.AGENTS);
        }
        if (selection == Selection.WEIGHTED && weights.perplexity() == 0 && weights.mfu() == 0) {
            throw ConfigException.between("weighted selection needs a weight above 0 in population.weights",
                    Settings.SELECTION, Settings.PERPLEXITY_WEIGHT, Settings.MFU_WEIGHT);
        }
    }
}
