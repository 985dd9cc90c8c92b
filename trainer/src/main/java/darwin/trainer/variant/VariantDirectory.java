package darwin.trainer.variant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import darwin.core.Variant;
import darwin.trainer.resources.ResourceStore;
import darwin.trainer.resources.VariantJson;
import darwin.trainer.resources.VariantResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads and writes a variant as a directory: {@code variant.json}, the program under
 * {@code program/}, the harness reference files under {@code harness/}, and the resource manifest
 * {@code resources/manifest.json} when the variant has resources. Of {@code resources/} only the
 * manifest is part of the variant: the folder may also hold the resources' files
 * ({@code <sha256>.txt}, {@code <sha256>.jar}) as a {@link ResourceStore}, which are not read.
 */
public final class VariantDirectory {

    /** The metadata file. */
    public static final String METADATA = "variant.json";
    /** The folder of the resource manifest (and, in a folder for {@code darwin evaluate}, of the resources' files). */
    public static final String RESOURCES = "resources";
    /** The folders whose files make up a variant; of {@value #RESOURCES} only the manifest. */
    public static final List<String> ROOTS = List.of("program", "harness", RESOURCES);
    /** The largest file a variant may hold. */
    public static final long MAX_FILE_BYTES = 1 << 20;
    /** The most files a variant may hold. */
    public static final int MAX_FILES = 500;
    /** Version of the {@code variant.json} format. */
    public static final int SCHEMA = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads {@code variant.json} ({@link VariantJson}'s rules). */
    private static final ObjectReader METADATA_READER = VariantJson.reader(Metadata.class);

    /**
     * {@code variant.json}: its schema, its id (for people: the id is the hash of the files, computed
     * again on reading), the entry class, and the parents' ids.
     */
    @JsonPropertyOrder({"schema", "id", "entry", "parents"})
    private record Metadata(Integer schema, String id, String entry, List<String> parents) {
        Metadata {
            parents = parents == null ? List.of() : List.copyOf(parents);
        }
    }

    private VariantDirectory() {}

    /**
     * Reads the variant in {@code dir}.
     *
     * @throws VariantFormatException when the directory is missing, is not a variant, or holds a
     *     file that cannot be read as UTF-8 text
     */
    public static Variant read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new VariantFormatException(dir + " is not a directory");
        }
        Path metadataFile = dir.resolve(METADATA);
        if (!Files.isRegularFile(metadataFile)) {
            throw new VariantFormatException(dir + " is not a variant: it has no " + METADATA
                    + " (start from the seed: darwin seed --out DIR)");
        }
        Metadata metadata;
        try {
            metadata = METADATA_READER.readValue(metadataFile.toFile());
        } catch (JsonParseException e) {
            throw new VariantFormatException(metadataFile + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            metadata = null;
        } catch (IOException e) {
            throw new VariantFormatException("cannot read " + metadataFile + ": " + e.getMessage(), e);
        }
        if (metadata == null || metadata.entry() == null) {
            throw new VariantFormatException(metadataFile + " must be an object with an \"entry\" class name");
        }
        TreeMap<String, String> files = new TreeMap<>();
        for (String root : ROOTS) {
            Path base = dir.resolve(root);
            if (root.equals(RESOURCES)) {
                readManifest(dir, files);
            } else if (Files.isDirectory(base)) {
                readTree(dir, base, files);
            }
        }
        if (files.isEmpty() || files.keySet().equals(Set.of(VariantResources.MANIFEST))) {
            throw new VariantFormatException(dir + " holds no program files under program/ or harness/");
        }
        try {
            return new Variant(metadata.entry(), files, metadata.parents());
        } catch (IllegalArgumentException e) {
            throw new VariantFormatException(dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the variant into {@code dir}, which must not exist or be empty. The files go into a
     * temporary sibling first and the folder is renamed into place, so a reader never sees half
     * a variant.
     */
    public static void write(Variant variant, Path dir) throws IOException {
        if (Files.exists(dir) && !isEmptyDirectory(dir)) {
            throw new IOException(dir + " already exists and is not empty");
        }
        Path temporary = staged(variant, dir);
        try {
            if (Files.exists(dir)) {
                Files.delete(dir);
            }
            Files.move(temporary, dir);
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteQuietly(temporary);
            throw e;
        }
    }

    /** The variant's files and metadata written into a new temporary sibling of {@code dir}, which is returned. */
    private static Path staged(Variant variant, Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempDirectory(parent, "." + dir.getFileName() + "-");
        try {
            for (var file : variant.files().entrySet()) {
                Path target = temporary.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.resolve(METADATA).toFile(),
                    new Metadata(SCHEMA, variant.id(), variant.entry(), variant.parents()));
            return temporary;
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteQuietly(temporary);
            throw e;
        }
    }

    /**
     * Writes the variant into a run's folder for it, which may already hold what was kept of the
     * variant before it was stored (the result cache's {@code results/} and the logs' {@code logs/},
     * when the seed is evaluated before a run begins) but nothing else. The variant's entries are
     * written into a temporary sibling and moved in beside those, the metadata last, so that the
     * variant is there only when it is whole.
     *
     * @throws IOException when {@code dir} already holds a variant or anything but those two
     */
    public static void writeBesideResults(Variant variant, Path dir) throws IOException {
        if (!Files.exists(dir) || isEmptyDirectory(dir)) {
            write(variant, dir);
            return;
        }
        List<String> present;
        try (Stream<Path> list = Files.list(dir)) {
            present = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> foreign = present.stream().filter(name -> !name.equals("results") && !name.equals("logs")).toList();
        if (!foreign.isEmpty()) {
            throw new IOException(dir + " already holds " + String.join(", ", foreign));
        }
        Path staged = staged(variant, dir);
        try {
            List<Path> entries;
            try (Stream<Path> list = Files.list(staged)) {
                entries = list.filter(p -> !p.getFileName().toString().equals(METADATA)).sorted().toList();
            }
            for (Path entry : entries) {
                Files.move(entry, dir.resolve(entry.getFileName().toString()));
            }
            Files.move(staged.resolve(METADATA), dir.resolve(METADATA));
        } finally {
            FileTrees.deleteQuietly(staged);
        }
    }

    /** Reads {@code resources/manifest.json}, when there is one, and checks that it can be read as a manifest. */
    private static void readManifest(Path dir, TreeMap<String, String> files) {
        Path manifest = dir.resolve(VariantResources.MANIFEST);
        if (!Files.exists(manifest, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            throw new VariantFormatException(manifest + " is not a plain file");
        }
        try {
            String text = readText(manifest);
            VariantResources.parse(text);
            files.put(VariantResources.MANIFEST, text);
        } catch (IOException e) {
            throw new VariantFormatException("cannot read " + manifest + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new VariantFormatException(dir + ": " + e.getMessage(), e);
        }
    }

    private static void readTree(Path dir, Path base, TreeMap<String, String> files) {
        try (Stream<Path> walk = Files.walk(base)) {
            for (Path file : (Iterable<Path>) walk.sorted()::iterator) {
                if (Files.isSymbolicLink(file)) {
                    throw new VariantFormatException(file + " is a symbolic link; a variant holds plain files only");
                }
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                String relative = dir.relativize(file).toString().replace('\\', '/');
                if (files.size() >= MAX_FILES) {
                    throw new VariantFormatException(dir + " holds more than " + MAX_FILES + " files");
                }
                files.put(relative, readText(file));
            }
        } catch (IOException e) {
            throw new VariantFormatException("cannot read " + base + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new VariantFormatException("cannot read " + base + ": " + e.getCause().getMessage(), e);
        }
    }

    private static String readText(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new VariantFormatException(file + " is " + size + " bytes; a variant's files are at most " + MAX_FILE_BYTES);
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new VariantFormatException(file + " is not UTF-8 text");
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
