package darwin.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable snapshot of a training program: relative path → file content, the class that
 * implements the program, and the variant(s) it was derived from.
 *
 * <p>Its {@link #id() id} is a hash of its canonical content (the entry class and every path and
 * content, in path order), so two identical snapshots have the same id whatever their history;
 * the parents are lineage, not identity.
 *
 * @param entry binary name of the class that implements the training program
 * @param files relative path (forward slashes, no {@code ..}) → UTF-8 text
 * @param parents ids of the variants this one was derived from (empty for a seed)
 */
public record Variant(String entry, SortedMap<String, String> files, List<String> parents) {

    /** Length of an id: 16 hex digits, the first 64 bits of a SHA-256. */
    public static final int ID_LENGTH = 16;

    public Variant {
        Objects.requireNonNull(entry, "entry");
        if (!entry.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*")) {
            throw new IllegalArgumentException("the entry must be a binary class name, got '" + entry + "'");
        }
        Objects.requireNonNull(files, "files");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a variant needs at least one file");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        files.forEach((path, content) -> copy.put(checkPath(path), Objects.requireNonNull(content, path)));
        files = Collections.unmodifiableSortedMap(copy);
        parents = List.copyOf(parents);
        for (String parent : parents) {
            if (!isId(parent)) {
                throw new IllegalArgumentException("'" + parent + "' is not a variant id");
            }
        }
    }

    /** A seed: a variant with no parents. */
    public static Variant seed(String entry, Map<String, String> files) {
        return new Variant(entry, new TreeMap<>(files), List.of());
    }

    /** The id: the first 16 hex digits of the SHA-256 of the canonical content. */
    public String id() {
        MessageDigest digest = sha256();
        update(digest, entry);
        files.forEach((path, content) -> {
            update(digest, path);
            update(digest, content);
        });
        return HexFormat.of().formatHex(digest.digest()).substring(0, ID_LENGTH);
    }

    /** A child of this variant with the given files changed (a {@code null} content deletes the file). */
    public Variant derive(Map<String, String> changes) {
        TreeMap<String, String> next = new TreeMap<>(files);
        changes.forEach((path, content) -> {
            if (content == null) {
                next.remove(path);
            } else {
                next.put(path, content);
            }
        });
        return new Variant(entry, next, List.of(id()));
    }

    /** The Java source files only. */
    public SortedMap<String, String> sources() {
        TreeMap<String, String> sources = new TreeMap<>();
        files.forEach((path, content) -> {
            if (path.endsWith(".java")) {
                sources.put(path, content);
            }
        });
        return Collections.unmodifiableSortedMap(sources);
    }

    /** Whether a string has the form of a variant id: 16 lowercase ASCII hex digits. */
    public static boolean isId(String text) {
        return text != null && text.length() == ID_LENGTH
                && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    /**
     * Checks a relative path: forward slashes, no empty, {@code .} or {@code ..} segment, no
     * leading slash, no control characters.
     */
    public static String checkPath(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("'" + path + "' is not a relative path with forward slashes");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("'" + path + "' has an empty, '.' or '..' segment");
            }
        }
        return path;
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long length = bytes.length;
        for (int i = 0; i < 8; i++) {
            digest.update((byte) (length >>> (8 * i)));
        }
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "Variant[" + id() + ", entry " + entry + ", " + files.size() + " files, parents " + parents + "]";
    }
}
