/**
 * Variants on disk and the rules they live by: reading and writing a variant directory, the
 * bundled seed variant, and the check that a variant changed only the files it may change.
 *
 * <p>A variant directory holds {@code variant.json} (the entry class, the parents and, for people,
 * the id), the training program under {@code program/}, and read-only copies of the harness API
 * under {@code harness/} for reference. Anything else in the directory (results, logs) is not part
 * of the variant.
 */
package darwin.trainer.variant;
