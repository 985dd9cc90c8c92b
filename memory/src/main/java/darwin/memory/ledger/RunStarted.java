package darwin.memory.ledger;

import java.util.Objects;
import java.util.Optional;

/**
 * The run started ({@code RUN}, {@code "event": "start"}); once per ledger.
 *
 * @param run the run's id
 * @param seed the seed variant's id
 */
public record RunStarted(String run, String seed) implements RunEvent {

    public RunStarted {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(seed, "seed");
    }

    @Override
    public Optional<String> identity() {
        return Optional.of("start");
    }
}
