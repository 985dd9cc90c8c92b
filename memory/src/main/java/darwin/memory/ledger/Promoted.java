package darwin.memory.ledger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rung of a generation closed ({@code PROMOTION}): which of its entrants were promoted to the
 * next rung, the others staying where they stopped. Once per generation and rung.
 *
 * @param generation the generation
 * @param rung the rung closed, 0 for the lowest
 * @param budget the key of the rung's budget
 * @param entered the children trained at the rung, in slot order
 * @param promoted those promoted to the next rung, in slot order
 */
public record Promoted(int generation, int rung, String budget, List<String> entered, List<String> promoted)
        implements LedgerEvent {

    public Promoted {
        Objects.requireNonNull(budget, "budget");
        entered = entered == null ? List.of() : List.copyOf(entered);
        promoted = promoted == null ? List.of() : List.copyOf(promoted);
        if (!entered.containsAll(promoted)) {
            throw new IllegalArgumentException("only a child that entered a rung is promoted from it: " + promoted
                    + " of " + entered);
        }
    }

    /** The identity of generation {@code generation}'s rung {@code rung}. */
    public static String identity(int generation, int rung) {
        return "g" + generation + "-r" + rung;
    }

    @Override
    public Optional<String> identity() {
        return Optional.of(identity(generation, rung));
    }
}
