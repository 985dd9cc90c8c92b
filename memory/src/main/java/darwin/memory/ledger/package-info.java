/**
 * The run's ledger, {@code ledger.jsonl}: an append-only log of typed events. Every kind of event
 * is a record of the sealed {@link darwin.memory.ledger.LedgerEvent} family; {@link
 * darwin.memory.ledger.Ledger} writes them as JSON lines through the one mapper this package owns
 * and reads them back as the same records, and holds an event that has an identity once.
 *
 * <p>Compatibility: the lines keep the shape darwin has always written (the same {@code type}
 * names and {@code data} fields), so that a run directory written by an older darwin reads the
 * same; a field added later is optional, with the value older lines mean by leaving it out. A
 * change that older lines cannot be read by raises {@link darwin.memory.ledger.Ledger#SCHEMA}, and
 * the lines of the older schema keep a reader of their own.
 */
package darwin.memory.ledger;
