package darwin.population.selection;

/** The weighted strategy, scored relative to a seed of perplexity 10 and MFU 0.2, keeps the {@link SelectorContract}. */
class WeightedTest extends SelectorContract {

    @Override
    protected Selector selector(int elites) {
        return new Weighted(WeightedScore.relativeTo(Fitness.measured(10, 0.2)), elites);
    }
}
