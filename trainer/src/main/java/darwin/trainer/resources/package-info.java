/**
 * Resources people approved for a variant: extra training text (datasets) and jars on the
 * training class path (libraries).
 *
 * <p>A variant lists its resources in {@code resources/manifest.json} ({@link
 * darwin.trainer.resources.VariantResources}), one of its files, so that its id, and with it the
 * result cache's key, changes when its resources do. The manifest names each resource by the
 * SHA-256 of its bytes; the bytes live in a content-addressed {@link
 * darwin.trainer.resources.ResourceStore} ({@code <sha256>.txt}, {@code <sha256>.jar}), which
 * checks each file against its hash whenever it is used. A dataset is kept as the text that
 * trains: only the corpus's characters, so that the vocabulary, and with it the held-out
 * measurement, stays the same for every variant.
 */
package darwin.trainer.resources;
