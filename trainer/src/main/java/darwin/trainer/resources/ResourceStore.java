package darwin.trainer.resources;

import darwin.core.Variant;
import darwin.trainer.data.CharTokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A folder of resources named by their content: {@code <sha256>.txt} for a dataset's text and
 * {@code <sha256>.jar} for a library. A run keeps one at {@code <run>/resources/}; a variant folder
 * given to {@code darwin evaluate} may keep its own beside its manifest, in {@code resources/}.
 *
 * <p>Adding checks the file and writes it atomically (a temporary file, then a rename); adding the
 * same content twice is harmless. Every use checks the file against its hash again, so a missing
 * or changed file is found before any training starts. The store holds no state of its own.
 */
public final class ResourceStore {

    /** The largest dataset file. */
    public static final long MAX_DATASET_BYTES = 64L << 20;
    /** The largest library jar. */
    public static final long MAX_LIBRARY_BYTES = 64L << 20;

    private final Path dir;

    private ResourceStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The store in {@code dir}, which is made when the first resource is added. */
    public static ResourceStore at(Path dir) {
        return new ResourceStore(Objects.requireNonNull(dir, "dir"));
    }

    public Path dir() {
        return dir;
    }

    /** Adds a text file as a dataset named after the file. */
    public DatasetAdded addDataset(Path textFile, CharTokenizer vocabulary) throws ResourceException {
        String name = textFile.getFileName().toString();
        return addDataset(textFile, name.length() > DatasetRef.MAX_NAME ? name.substring(0, DatasetRef.MAX_NAME) : name, vocabulary);
    }

    /**
     * Adds a UTF-8 text file as a dataset: the characters outside {@code vocabulary} (the corpus's)
     * are dropped and counted, and the text that is left is what the store keeps and what trains.
     *
     * @throws ResourceException when the file is missing, too large, empty, not UTF-8, or keeps no
     *     character of the vocabulary
     */
    public DatasetAdded addDataset(Path textFile, String name, CharTokenizer vocabulary) throws ResourceException {
        byte[] bytes = StoredFiles.read(textFile, MAX_DATASET_BYTES, "dataset");
        if (bytes.length == 0) {
            throw new ResourceException(textFile + " is empty; a dataset needs some text");
        }
        String text = StoredFiles.utf8(bytes, textFile.toString());
        DatasetText.Filtered filtered = DatasetText.filter(text, vocabulary);
        if (filtered.kept().isEmpty()) {
            throw new ResourceException(textFile + " has no character of the corpus's vocabulary: all "
                    + filtered.dropped() + " were dropped (" + filtered.droppedCharacters() + ")");
        }
        byte[] kept = filtered.kept().getBytes(StandardCharsets.UTF_8);
        DatasetRef ref;
        try {
            ref = new DatasetRef(name, StoredFiles.sha256(kept), filtered.kept().length());
        } catch (IllegalArgumentException e) {
            throw new ResourceException(e.getMessage(), e);
        }
        store(kept, ref);
        return new DatasetAdded(ref, filtered.dropped(), filtered.droppedCharacters());
    }

    /**
     * Adds a jar as a library.
     *
     * @param coordinates {@code group:artifact:version}
     * @throws ResourceException when the coordinates are malformed, or the jar is missing, too
     *     large, unreadable, or breaks a rule of {@link LibraryJar}
     */
    public LibraryRef addLibrary(String coordinates, Path jar) throws ResourceException {
        byte[] bytes = StoredFiles.read(jar, MAX_LIBRARY_BYTES, "library jar");
        LibraryJar.check(jar, jar.toString());
        LibraryRef ref;
        try {
            ref = new LibraryRef(coordinates, StoredFiles.sha256(bytes));
        } catch (IllegalArgumentException e) {
            throw new ResourceException(e.getMessage(), e);
        }
        store(bytes, ref);
        return ref;
    }

    /** The stored file of a resource, checked against its hash (and, for a jar, against {@link LibraryJar}'s rules). */
    public Path resolve(ResourceRef ref) throws ResourceException {
        verified(ref);
        Path file = dir.resolve(ref.fileName());
        if (ref instanceof LibraryRef) {
            LibraryJar.check(file, "the jar " + file + " of " + ref.describe());
        }
        return file;
    }

    /** A dataset's stored text, checked against its hash. */
    public String text(DatasetRef ref) throws ResourceException {
        return StoredFiles.utf8(verified(ref), "the text " + dir.resolve(ref.fileName()) + " of " + ref.describe());
    }

    /**
     * Copies the files of every resource a manifest lists into {@code into}, each checked first;
     * a file {@code into} already holds is left as it is.
     */
    public void copyTo(ResourceStore into, VariantResources resources) throws ResourceException {
        for (ResourceRef ref : resources.all()) {
            Path from = resolve(ref);
            Path to = into.dir().resolve(ref.fileName());
            if (Files.exists(to)) {
                continue;
            }
            try {
                Files.createDirectories(into.dir());
                Files.copy(from, to);
            } catch (IOException e) {
                throw new ResourceException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
            }
        }
    }

    /** Every resource of a manifest, found and checked. */
    public ResolvedResources resolve(VariantResources resources) throws ResourceException {
        List<String> texts = new ArrayList<>();
        for (DatasetRef dataset : resources.datasets()) {
            texts.add(text(dataset));
        }
        List<Path> jars = new ArrayList<>();
        for (LibraryRef library : resources.libraries()) {
            jars.add(resolve(library));
        }
        return new ResolvedResources(texts, jars);
    }

    /**
     * The resources of a variant, found in {@code store}: {@link ResolvedResources#NONE} for a
     * variant without a manifest, whether there is a store or not.
     *
     * @throws ResourceException when the manifest cannot be read, there is no store, or a file is
     *     missing or does not match
     */
    public static ResolvedResources resolve(Variant variant, Optional<ResourceStore> store) throws ResourceException {
        VariantResources resources;
        try {
            resources = VariantResources.of(variant);
        } catch (IllegalArgumentException e) {
            throw new ResourceException("the variant's " + e.getMessage(), e);
        }
        if (resources.isEmpty()) {
            return ResolvedResources.NONE;
        }
        if (store.isEmpty()) {
            throw new ResourceException("the variant lists resources in " + VariantResources.MANIFEST + " ("
                    + resources.describe() + "), but no resource store was given to find them in");
        }
        return store.get().resolve(resources);
    }

    private byte[] verified(ResourceRef ref) throws ResourceException {
        Path file = dir.resolve(ref.fileName());
        if (!Files.isRegularFile(file)) {
            throw new ResourceException("the " + ref.describe() + " is missing from the resource store: there is no file " + file);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ResourceException("cannot read " + file + " of " + ref.describe() + ": " + e.getMessage(), e);
        }
        String actual = StoredFiles.sha256(bytes);
        if (!actual.equals(ref.sha256())) {
            throw new ResourceException("the file " + file + " of " + ref.describe() + " does not match its sha256 (it hashes to "
                    + actual + ")");
        }
        return bytes;
    }

    private void store(byte[] bytes, ResourceRef ref) throws ResourceException {
        StoredFiles.write(dir, ref.fileName(), ref.sha256(), bytes);
    }
}
