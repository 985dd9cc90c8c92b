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
 *
 * <h2>Variant resources in detail</h2>
 *
 * <p>People may approve two kinds of upgrade request that change what a variant trains with rather
 * than its code: a {@code DATASET} (a text file) becomes more training text, and a {@code LIBRARY}
 * (a jar) goes on the class path. {@code darwin.trainer.resources} holds them.
 *
 * <ul>
 *   <li><b>Manifest.</b> A variant lists its resources in {@code resources/manifest.json}
 *       ({@code VariantResources}):
 *       {@code {"schema": 1, "datasets": [{name, sha256, characters}], "libraries": [{coordinates, sha256}]}},
 *       libraries by Maven coordinates {@code group:artifact:version}. It is one of the variant's
 *       files, written in one canonical form, so adding a resource
 *       ({@code VariantResources.derive(parent, ref)}, a child of the parent) gives a new id and
 *       with it a new result-cache key: the cache needed no change. Adding a dataset the manifest
 *       lists already gives the parent back; a library replaces another version of its artifact.
 *       An approval's value is a manifest that lists the one resource it stored; the loop applies
 *       it through core's {@code ResourceManifest} port, which {@code ResourceApprovals} implements.
 *       Edits cannot touch it ({@code EditApplier} refuses {@code resources/} and says to ask with
 *       a request), {@code HarnessFiles} accepts it, and the prompt shows it with a word on what
 *       each kind does.
 *   <li><b>Store.</b> The bytes live in a content-addressed {@code ResourceStore}:
 *       {@code <sha256>.txt} and {@code <sha256>.jar} in one folder, written atomically. A run
 *       keeps one at {@code <run>/resources/}; a folder given to {@code darwin evaluate DIR} keeps
 *       its own in {@code DIR/resources/}, beside the manifest ({@code VariantDirectory} reads only
 *       {@code manifest.json} from there). Every use checks each file against its hash again.
 *       {@code SandboxSettings.resources} names the store's folder.
 *   <li><b>Datasets.</b> {@code addDataset} refuses a file that is missing, over 64 MiB, empty, not
 *       UTF-8 (naming the byte), or that keeps no character of the corpus's vocabulary; it drops
 *       the characters outside that vocabulary, counts them (by code point) and names the first
 *       few. The vocabulary never grows, so the model's output size and the held-out tokens stay
 *       those of every other variant. The store keeps the filtered text, so its hash is that of
 *       what trains. The parent appends the datasets' tokens to the corpus's training split, in the
 *       manifest's order, in the training child's token file; the held-out split is untouched, and
 *       the OK result's reason says how many training tokens the child read and how many came from
 *       datasets. {@code Harness} (in process) takes a program, not a variant, so a manifest never
 *       reaches it.
 *   <li><b>Libraries.</b> {@code addLibrary} refuses a jar that is not one: a manifest
 *       {@code Class-Path} (it could lead back to the corpus), or any entry in a package of the
 *       harness, DJL, the JDK, Jackson, SLF4J or darwin
 *       ({@code HarnessPackages.PROTECTED} and {@code darwin.}), where a class would
 *       share their package-private access; the same rules are checked again at every use. The jars
 *       go <i>after</i> the harness's entries on the in-process compilation's class path
 *       ({@code SourceCompiler.compile(sources, libraries)}), on both child JVMs' class paths, and
 *       on the mutation step's ({@code VariantCompileCheck} with the store); under bubblewrap each
 *       jar is bound read-only, as the rest of the class path.
 *   <li><b>Failures.</b> A manifest that cannot be read, resources without a store, and a missing
 *       or changed file end the evaluation before it compiles as a failure of the harness whose
 *       one-line reason names the file; it is not cached, so the evaluation runs again once the
 *       file is there.
 * </ul>
 */
package darwin.trainer.resources;
