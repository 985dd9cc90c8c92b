package darwin.trainer.variant;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.Variant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads and writes a variant as a directory: {@code variant.json}, the program under
 * {@code program/}, the harness reference files under {@code harness/}.
 */
public final class VariantDirectory {

    /** The metadata file. */
    public static final String METADATA = "variant.json";
    /** The folders whose files make up a variant. */
    public static final List<String> ROOTS = List.of("program", "harness");
    /** The largest file a variant may hold. */
    public static final long MAX_FILE_BYTES = 1 << 20;
    /** The most files a variant may hold. */
    public static final int MAX_FILES = 500;
    /** Version of the {@code variant.json} format. */
    public static final int SCHEMA = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

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
        JsonNode metadata;
        try {
            metadata = JSON.readTree(metadataFile.toFile());
        } catch (JacksonException e) {
            throw new VariantFormatException(metadataFile + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new VariantFormatException("cannot read " + metadataFile + ": " + e.getMessage(), e);
        }
        if (metadata == null || !metadata.isObject() || !metadata.path("entry").isTextual()) {
            throw new VariantFormatException(metadataFile + " must be an object with an \"entry\" class name");
        }
        List<String> parents = new ArrayList<>();
        for (JsonNode parent : metadata.path("parents")) {
            parents.add(parent.asText());
        }
        TreeMap<String, String> files = new TreeMap<>();
        for (String root : ROOTS) {
            Path base = dir.resolve(root);
            if (Files.isDirectory(base)) {
                readTree(dir, base, files);
            }
        }
        if (files.isEmpty()) {
            throw new VariantFormatException(dir + " holds no program files under " + String.join(" or ", ROOTS) + "/");
        }
        try {
            return new Variant(metadata.get("entry").asText(), files, parents);
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
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempDirectory(parent, "." + dir.getFileName() + "-");
        try {
            for (var file : variant.files().entrySet()) {
                Path target = temporary.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
            ObjectNode metadata = JSON.createObjectNode();
            metadata.put("schema", SCHEMA);
            metadata.put("id", variant.id());
            metadata.put("entry", variant.entry());
            variant.parents().forEach(metadata.putArray("parents")::add);
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.resolve(METADATA).toFile(), metadata);
            if (Files.exists(dir)) {
                Files.delete(dir);
            }
            Files.move(temporary, dir);
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteQuietly(temporary);
            throw e;
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
