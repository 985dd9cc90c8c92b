/**
 * The files of a run, as DESIGN's "A run on disk" lays them out: each agent's memory of its
 * attempts, the requests and suggestions people answer, and the atomic writes and careful reads
 * that let a run killed at any instant be resumed, and let people read every file with {@code jq},
 * pandas or a text editor. Every file carries a schema version. The append-only ledger of events
 * is in {@code darwin.memory.ledger}.
 *
 * <h2>Agent memories</h2>
 *
 * <p>{@code AgentMemory} is {@code agents/<agent>.json}: the persona, the LLM settings and every
 * {@code Attempt} the agent made or that was made on its variants, with metrics before and after
 * and their deltas. {@code MemoryDigest} turns it into prompt lines: attempts whose change was
 * beyond the run's noise (better or worse) by the size of their effect, then attempts of older runs
 * measured once each side by size, then failures with their reasons, then attempts whose change was
 * within the noise — last, as they teach nothing about the change, so that the LLM does not learn
 * from luck — then what others did to the agent's variants, one line per distinct change. A line
 * gives the change with half its 95% interval and its verdict
 * ({@code perplexity 13.000 → 12.800 (-1.5%, within noise, ±2.4%: no measurable effect; 3 runs before, 2 after)}).
 * Every file carries a schema version, and a file of a newer schema is refused by name.
 *
 * <h2>Requests and suggestions</h2>
 *
 * <p>Requests and suggestions are run files that two kinds of process write: the run, and people's
 * commands in other terminals. {@code RequestBook} ({@code requests.json}) and
 * {@code SuggestionBox} ({@code suggestions.jsonl}) take an operating-system lock on a sibling
 * {@code .<name>.lock} file (under a JVM lock, since the OS lock belongs to the process) for every
 * read-change-write, and write atomically, so concurrent approvals and a live run never lose a
 * change; the cross-process case is tested with a second JVM. A {@code Request} moves
 * {@code PENDING → APPROVED → APPLIED}, or {@code DENIED}, or {@code FAILED} (approved but fitting
 * no variant); the decision (who, when, note, value given) and the application (generation, note)
 * are kept on it.
 */
package darwin.memory;
