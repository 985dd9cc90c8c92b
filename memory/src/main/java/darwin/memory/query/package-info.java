/**
 * Questions people ask of a run's memory once it has run overnight: which agents did what, which
 * attempts had a tag or a status, what one change was, and which kinds of change went with
 * improvement. {@link darwin.memory.query.RunMemory} reads the memory files of a run (also while
 * it runs) and gives every attempt once; {@link darwin.memory.query.AttemptFilter} picks attempts;
 * {@link darwin.memory.query.Stage} says how far an attempt got (compiled, trained);
 * {@link darwin.memory.query.Change} is a measured attempt's change with its interval and verdict
 * (better, worse, within noise, or unjudged for a run that kept no replicates);
 * {@link darwin.memory.query.AttemptStats} and {@link darwin.memory.query.MemoryStats} count
 * verdicts and average changes, with 95% intervals, by tag and by agent; {@link darwin.memory.query.AttemptExport} writes every attempt as
 * CSV or JSON lines. Nothing here writes to the run.
 *
 * <h2>Inspecting memory</h2>
 *
 * <p>{@code darwin.memory.query} answers what people ask of a run's memory; it only reads.
 * {@code RunMemory.open} reads every {@code agents/*.json} (not the {@code .tmp} files of a write
 * in progress) and gives each attempt once: an attempt is stored in the mutator's file and in the
 * target owner's, and is identified by its proposal key ({@code g3-s1}); the mutator's copy wins,
 * and attempts are ordered by generation, then key, with digits compared by value ({@code g2-s10}
 * after {@code g2-s2}, {@code agent-10} after {@code agent-2}). Reading a live run is safe because
 * every memory file is replaced by an atomic rename: each file is read whole, old or new, and since
 * every attempt is in two files the union misses nothing written before the read began. A folder
 * that is not a run is an {@code IllegalArgumentException}; a file that cannot be read is the
 * {@code MemoryFormatException} of {@code AgentMemory.load}, naming it (and the line, for bad
 * JSON).
 *
 * <ul>
 *   <li>{@code Stage} reads a stored status, a {@code ProposalStatus} or an
 *       {@code EvaluationStatus} name, as one of four nested stages, through exhaustive switches
 *       over both enums: {@code NO_PROGRAM} ({@code LLM_FAILED}, {@code UNPARSABLE},
 *       {@code EDITS_DID_NOT_APPLY}, {@code REQUEST_ONLY}, {@code COST_CAP},
 *       {@code NOTHING_TO_PROPOSE}, or a status this darwin does not know), {@code DID_NOT_COMPILE}
 *       ({@code DOES_NOT_COMPILE}, {@code COMPILE_ERROR}), {@code COMPILED} ({@code PROPOSED},
 *       {@code RUNTIME_ERROR}, {@code TIMEOUT}, {@code OUT_OF_MEMORY}, {@code DIVERGED},
 *       {@code VIOLATION}: the mutation step compiles every variant it proposes, so a failure in
 *       training is one of a compiled program) and {@code TRAINED} ({@code OK}). <i>Compiled</i> is
 *       {@code COMPILED} or {@code TRAINED}; <i>trained</i> is {@code TRAINED}; an attempt is
 *       <i>measured</i> when it trained and its target had metrics, and <i>improved</i> when it is
 *       measured and its perplexity fell beyond the noise ({@code Attempt.improved()}: verdict
 *       {@code BETTER}; for an attempt of a run that kept no replicates, its single draw fell).
 *   <li>{@code Change} is a measured attempt's change as people see it: the relative change of
 *       perplexity and of MFU with their 95% intervals, the replicates each side, and the verdict —
 *       from the attempt's {@code Effect}, or, for an attempt recorded without one, the ratio of
 *       its metrics with unbounded intervals, one replicate each side and no verdict
 *       (<i>unjudged</i>). It writes {@code -3.2% ±1.1} (half the interval), {@code (n=1)} for an
 *       unbounded one, and {@code ~} in front of a change within noise.
 *   <li>{@code AttemptFilter} is a predicate record: status, tag and mutating agent, each optional,
 *       matched whole and ignoring case.
 *   <li>{@code AttemptStats} is one group's figures — attempts, compiled, trained, measured,
 *       improved, the verdicts of the measured ({@code Verdicts}: better, worse, within noise,
 *       unjudged), the mean relative change of perplexity and of MFU (%) over the measured attempts
 *       as an {@code Interval} at 95% (Student's t over the attempts' estimates,
 *       {@code Sample.interval}: how sure the group's mean is, unbounded for n=1), best and worst
 *       by perplexity change — and checks that the counts nest, that every measured attempt has one
 *       verdict and that a mean exists exactly when something was measured. Shares are over all the
 *       group's attempts, so they never grow along the stages. {@code MemoryStats} groups by tag
 *       (an attempt counts under each of its tags, untagged ones under {@code (untagged)}; most
 *       promising first) and by mutating agent, and holds the words' definitions that {@code stats}
 *       prints. {@code AgentSummary} is one agent's line: persona, LLM, attempts made and received,
 *       best.
 *   <li>{@code AttemptExport} defines the columns once, as (name, value) pairs, for CSV and JSON
 *       lines, so both have the same columns in the same order (the verdict, the bounds of the
 *       perplexity and MFU changes and the replicates before and after stand together after
 *       {@code mfuChangePoints}); {@code Csv} quotes by hand as RFC 4180 says (no CSV library is a
 *       dependency), with CR LF record ends.
 * </ul>
 */
package darwin.memory.query;
