package darwin.population.selection;

/** NSGA-II keeps the {@link SelectorContract}. */
class Nsga2Test extends SelectorContract {

    @Override
    protected Selector selector(int elites) {
        return new Nsga2(elites);
    }
}
