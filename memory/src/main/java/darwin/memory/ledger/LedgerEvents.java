package darwin.memory.ledger;

import java.util.List;

/** Picks the events of one kind out of a ledger's entries, in their order. */
public final class LedgerEvents {

    private LedgerEvents() {}

    /**
     * The events of {@code kind} (a record, or a sealed family such as {@link RunEvaluation}) among
     * the entries, oldest first.
     */
    public static <E extends LedgerEvent> List<E> of(List<LedgerEntry> entries, Class<E> kind) {
        return entries.stream().map(LedgerEntry::event).filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The entries whose event is of {@code kind}, oldest first, for when their times matter. */
    public static List<LedgerEntry> entries(List<LedgerEntry> entries, Class<? extends LedgerEvent> kind) {
        return entries.stream().filter(e -> kind.isInstance(e.event())).toList();
    }
}
