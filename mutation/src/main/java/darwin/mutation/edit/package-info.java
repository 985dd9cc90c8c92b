/**
 * Applies a change's edits to a variant, and shows what changed as a unified diff.
 *
 * <p>{@link darwin.mutation.edit.EditApplier} applies edits in order, each to the files as the
 * ones before it left them. A replacement is located by exact match, then line by line ignoring
 * whitespace, then by a bounded near match ({@link darwin.mutation.edit.FuzzyRule}); a whole-file
 * write creates or replaces a file; only files under {@code program/} may be edited. The result
 * is either the derived variant with a report of where each edit landed, or the list of edits that
 * failed, each with a reason written to be sent back to the model (found several times and where,
 * not found and the closest region, no such file, outside {@code program/}).
 * {@link darwin.mutation.edit.UnifiedDiff} renders the difference between two variants as
 * {@code diff -u} does, for the memory and for people.
 */
package darwin.mutation.edit;
