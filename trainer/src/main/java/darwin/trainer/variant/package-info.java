/**
 * Variants on disk and the rules they live by: reading and writing a variant directory, the
 * bundled seed variant, and the check that a variant changed only the files it may change.
 *
 * <p>A variant directory holds {@code variant.json} (the entry class, the parents and, for people,
 * the id), the training program under {@code program/}, and read-only copies of the harness API
 * under {@code harness/} for reference. Anything else in the directory (results, logs) is not part
 * of the variant.
 *
 * <h2>Variants on disk</h2>
 *
 * <p>A {@code Variant} (core) is an immutable snapshot: the entry class, relative path → UTF-8
 * content, and its parents. Its id is the first 16 hex digits of a SHA-256 over the entry and every
 * path and content in path order, so identical snapshots share an id whatever their history.
 *
 * <p>A run keeps its variants in {@code variants/<id>/} through core's {@code VariantStore} port,
 * which {@code VariantFolders} implements: written once, beside results kept before it.
 *
 * <p>On disk ({@code VariantDirectory}) a variant is {@code variant.json} (schema, id, entry,
 * parents), the program under {@code program/}, and read-only copies of the harness API's sources
 * under {@code harness/}, there for the program's authors (people and LLMs) to read. Anything else
 * in the folder (results, logs) is not part of the variant. The mutable set is {@code program/};
 * {@code HarnessFiles.tampering} reports a variant whose harness files are missing, changed, or
 * joined by a file outside {@code program/} (other than the resource manifest, below). The seed
 * variant ({@code SeedVariant}) is read from the trainer jar, where the build copies the sources of
 * {@code darwin.program} and {@code darwin.trainer.api}.
 */
package darwin.trainer.variant;
