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
 *
 * <h2>The ledger in detail</h2>
 *
 * <p>{@code darwin.memory} holds the run's files. {@code AtomicFiles} writes whole files through a
 * temporary file, forced to disk and renamed over the old one, and appends whole lines, forced to
 * disk. {@code Ledger} ({@code darwin.memory.ledger}) is {@code ledger.jsonl}: one event per line
 * ({@code schema}, a unique {@code id}, {@code seq}, {@code type}, {@code time}, {@code data});
 * opening it drops a last line cut off by a crash (and truncates the file back to the last complete
 * line), while a bad line anywhere else is an error that names the file, the line and what is wrong
 * ({@code its PROPOSAL event has no key}).
 *
 * <ul>
 *   <li><b>Events.</b> A line's {@code data} is a {@code LedgerEvent}, a sealed family of records,
 *       one per {@code EventType} ({@code RUN} has two, told apart by their {@code event} field,
 *       and {@code LLM_OUTAGE} three, by {@code state}): {@code RunStarted}, {@code RunEnded};
 *       {@code Proposed} (everything a resume needs of a proposal, its upgrade request included);
 *       {@code Evaluated} (replicate 0, with the run's seed), {@code Replicated} (replicate r ≥ 1),
 *       together {@code RunEvaluation}, and {@code ConfirmationEvaluated}, all three an
 *       {@code Evaluation}; {@code Selected} (the members, elites, each variant's replicate count
 *       and the noise the generation judged by); {@code NoiseFloorMeasured}; {@code RequestFiled};
 *       {@code Decided} (outcome {@code APPROVED}, {@code DENIED}, {@code APPLIED} or
 *       {@code FAILED}); {@code Suggested}; {@code EndpointPaused}, {@code EndpointResumed},
 *       {@code EndpointStopped} ({@code LlmOutage}); {@code RungEvaluated} ({@code RUNG}: a child
 *       trained at a rung below the full budget, once per variant and budget key) and
 *       {@code Promoted} ({@code PROMOTION}: who of a rung's entrants went on, once per generation
 *       and rung). The rung events are no {@code Evaluation}: a reader of evaluations never takes
 *       a short run's figures for a fitness. Ledgers written before rungs simply have none.
 *       {@code JobSubmitted}, {@code JobRerun}, {@code JobFinished} ({@code ClusterJob}, type
 *       {@code JOB}, told apart by {@code event}: the attempts of an evaluation run as a batch job
 *       on a cluster, which a resumed run re-attaches to). Writers append records and readers switch over
 *       them ({@code LedgerEvents.of(entries, Proposed.class)}); no code outside the package reads
 *       a line's JSON. One mapper, {@code LedgerJson}, owned by the package, writes and reads them
 *       (Jackson's record binding; unknown fields are passed over).
 *   <li><b>Once.</b> An event may have an identity: a proposal's key, a generation's selection, a
 *       variant's evaluation at a budget and replicate, a confirmation's evaluation by seed (a
 *       failure of the harness has none, so that it is recorded again once the evaluation works), a
 *       request's outcome, a suggestion's id, the run's start and end, a cluster job's name and
 *       attempt. The ledger indexes them as
 *       it reads and appends and ignores a second append of the same kind and identity
 *       ({@code append} returns empty), so a step done again after a crash records nothing twice;
 *       {@code find(Proposed.class, "g3-s1")} answers from the index. Outages have no identity:
 *       each is recorded.
 *   <li><b>Compatibility.</b> The lines keep the shape darwin wrote before the events were typed:
 *       the same type names, fields and field order ({@code LedgerFormatTest} reads a run of that
 *       darwin and writes every line back byte for byte). A field added later is optional and means
 *       what older lines meant by leaving it out ({@code replicate} 0; a selection's {@code budget}
 *       {@code ""}, no {@code replicates}, no {@code noise}). A change that older lines cannot be
 *       read by raises {@code Ledger.SCHEMA}, and lines of the older schema get a reader of their
 *       own; a line of a newer schema is refused by name. {@code OlderRunDirectoryTest} (runs)
 *       keeps a whole run of that darwin and checks that {@code status} prints what it printed,
 *       that {@code memory} and {@code report} read it, and that {@code resume} goes on from it
 *       without recording anything twice.
 * </ul>
 */
package darwin.memory.ledger;
