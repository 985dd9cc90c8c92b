/**
 * Applies a change's edits to a variant, and shows what changed as a unified diff.
 *
 * <p>{@link darwin.mutation.edit.EditApplier} applies edits in order, each to the files as the
 * ones before it left them. A replacement is located by an anchored exact match (never starting
 * or ending inside a word; a search text with a line end begins a line), then line by line
 * ignoring whitespace, then by a bounded near match ({@link darwin.mutation.edit.FuzzyRule}), and
 * its replacement is re-indented as a block to the file's indentation; a search text or
 * replacement that leaves lines out with an elision ({@link darwin.mutation.edit.Elision}) is
 * refused. A whole-file write creates or replaces a file, and a replacement with an empty search
 * text creates one that does not exist; only files under {@code program/} may be edited. The
 * result is either the derived variant with a report of where each edit landed, or the list of
 * edits that failed, each with a reason written to be sent back to the model (found several times
 * and where, not found and the closest region, an elision, no such file, outside
 * {@code program/}). {@link darwin.mutation.edit.UnifiedDiff} renders the difference between two
 * variants as {@code diff -u} does, for the memory and for people.
 *
 * <h2>Applying edits</h2>
 *
 * <p>{@code EditApplier.apply(variant, edits)} applies edits in order, each to the files the
 * previous ones left; only paths under {@code program/} may be edited. A replacement with an empty
 * search creates its file when it does not exist (or is empty), and is refused when it has content.
 * Any other replacement is placed by the first strategy that finds it once ({@code Locator}):
 *
 * <ol>
 *   <li><b>Exact text, anchored.</b> An occurrence counts only where it neither starts nor ends
 *       inside a word, so {@code LR = 1e-4;} is not found in
 *       {@code static final double MIN_LR = 1e-4;}, nor {@code x = 1} in {@code x = 10;}. A search
 *       text with a line end (the text form's always have one) must also begin a file line, after
 *       nothing but indentation: {@code start();⏎} is not found in {@code if (ready) start();}.
 *       When it starts after indentation it left out, the line is taken whole from its start and
 *       the replacement re-indented as a block, so that a multi-line replacement of an unindented
 *       one-line search keeps the file's indentation and a deletion removes the line rather than
 *       joining two. A fragment without a line end ({@code Set.of(POSITION_EMBEDDING)}, as the
 *       catalog writes) may lie within a line and is replaced in place; lines of its replacement
 *       after the first are kept as written when each is indented at least as deeply as the file
 *       line, else re-indented under it.
 *   <li><b>Lines ignoring whitespace</b>: stripped, inner runs made one space, blank lines at the
 *       ends left out; the replacement re-indented as a block.
 *   <li><b>A near match</b>, never for a search text with an elision line (below): the run of as
 *       many lines whose similarity (1 − summed per-line Levenshtein distance ÷ summed longer-line
 *       length, bit-parallel) is at least 0.9 and 0.05 ahead of any window it does not overlap,
 *       looked for only within 200 search lines, 5,000 file lines and a bound on the work
 *       ({@code FuzzyRule}).
 * </ol>
 *
 * <p><b>Whole-block re-indentation</b> ({@code Indentation}): each non-blank search line and the
 * file line it matched give a pair of indentations; a replacement line indented as a search line
 * takes that line's file indentation character for character (the first pair wins), and any other
 * keeps its distance in columns from the deepest pair not deeper than it, written in the file's
 * characters (tabs when the matched lines, or else most of the file, are tab-indented; a tab is
 * worth one level of the other side's spaces, learnt from the pairs or 4). So a search copied with
 * tabs for the file's spaces, with spaces for its tabs, at another depth, or with only its first
 * line's indentation lost, still gives every replacement line the file's own indentation, and never
 * a mix of tabs and spaces.
 *
 * <p><b>Elisions</b> ({@code Elision}): a line that is only an ellipsis ({@code ...}, {@code …}) or
 * a comment opening with one ({@code // ...}, {@code // ... existing code ...}, {@code # …}) stands
 * for lines left out, which the applier never guesses. A search text with one is refused when it
 * matches neither exactly nor ignoring whitespace (a real such line still matches), and a
 * replacement with one that its search text does not hold is refused, since it would write a
 * comment in place of code; the message tells the model to quote the lines in full.
 *
 * <p>Any failure fails the whole change, and every failing edit is reported (found N times at lines
 * …, not found with the closest region quoted, an elision and where, an empty search for a file
 * that exists, no such file, outside {@code program/}).
 *
 * <p><b>Where darwin differs from aider's edit blocks, on purpose.</b> A search text found more
 * than once is refused with the lines of every occurrence, where aider replaces the first: an edit
 * to the wrong one of two identical lines would be silent. Elisions are refused rather than
 * expanded, since the lines they stand for are a guess. An empty search for a file that has content
 * is refused, where aider appends to it: whether the model meant to add or to rewrite is ambiguous,
 * and a FILE block says the latter. Near matches are allowed (aider's are off) but bounded, refused
 * when ambiguous, and reported with their similarity. Paths are not matched loosely against the
 * files present: a path is the file it names, under {@code program/}.
 * {@code UnifiedDiff.of(before, after)} gives the {@code diff -u} form of the change (Myers line
 * diff, three lines of context) for the memory and for people; {@code patch -p1} and
 * {@code git apply} accept it.
 */
package darwin.mutation.edit;
