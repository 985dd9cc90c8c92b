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
 */
package darwin.memory.query;
