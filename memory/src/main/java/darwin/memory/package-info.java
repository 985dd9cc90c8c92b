/**
 * The files of a run, as DESIGN's "A run on disk" lays them out: each agent's memory of its
 * attempts, the requests and suggestions people answer, and the atomic writes and careful reads
 * that let a run killed at any instant be resumed, and let people read every file with {@code jq},
 * pandas or a text editor. Every file carries a schema version. The append-only ledger of events
 * is in {@code darwin.memory.ledger}.
 */
package darwin.memory;
