package darwin.population.loop;

import darwin.memory.ledger.Proposed;
import darwin.population.selection.Pairing;
import java.util.Objects;

/**
 * One pairing's outcome in a generation: the pairing, and its proposal as the ledger holds it
 * (whose child, if any, has been evaluated).
 */
record Slot(Pairing pairing, Proposed proposal) {

    Slot {
        Objects.requireNonNull(pairing, "pairing");
        Objects.requireNonNull(proposal, "proposal");
    }
}
