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
 */
package darwin.mutation.edit;
