package darwin.mutation.edit;

/** What looking for a replacement's place gave: the place, or why there is none. */
sealed interface Outcome {

    record Found(Location location) implements Outcome {
    }

    record Refused(Problem problem) implements Outcome {
    }
}
