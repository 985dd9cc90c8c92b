package darwin.runs.config;

/** How the survivors of a generation are chosen from parents and offspring. */
public enum Selection {

    /** Pareto rank, then crowding distance, over held-out perplexity and MFU (NSGA-II). */
    NSGA2("nsga2"),

    /** One score: the weighted sum of the two objectives ({@code population.weights}). */
    WEIGHTED("weighted");

    private final String id;

    Selection(String id) {
        this.id = id;
    }

    /** The name in configuration, e.g. {@code nsga2}. */
    public String id() {
        return id;
    }
}
