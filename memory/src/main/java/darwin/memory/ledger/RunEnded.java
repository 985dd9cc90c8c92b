package darwin.memory.ledger;

import java.util.Optional;

/**
 * The run did the generations it planned ({@code RUN}, {@code "event": "end"}); once per ledger:
 * a run resumed for more generations afterwards does not end again.
 *
 * @param generation the last generation done
 */
public record RunEnded(int generation) implements RunEvent {

    public RunEnded {
        if (generation < 0) {
            throw new IllegalArgumentException("a run ends after generation 0 or later, got " + generation);
        }
    }

    @Override
    public Optional<String> identity() {
        return Optional.of("end");
    }
}
