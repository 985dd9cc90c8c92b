package darwin.population.selection;

import darwin.core.EvaluationStatus;

/** Short names for the values the tests build. */
final class Fixtures {

    private Fixtures() {}

    /** A variant id made from a small number: {@code 000000000000002a} for 42. */
    static String id(int n) {
        return String.format("%016x", n);
    }

    static Fitness fit(double perplexity, double mfu) {
        return Fitness.measured(perplexity, mfu);
    }

    static Fitness failed() {
        return Fitness.failed(EvaluationStatus.COMPILE_ERROR);
    }

    static Candidate candidate(int variant, Fitness fitness) {
        return new Candidate(id(variant), fitness);
    }

    static Member member(String agent, int variant, Fitness fitness) {
        return new Member(agent, id(variant), fitness);
    }
}
