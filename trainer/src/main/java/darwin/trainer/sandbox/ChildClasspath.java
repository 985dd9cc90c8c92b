package darwin.trainer.sandbox;

import darwin.trainer.data.Corpus;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path of a child process: this JVM's class path with the manifest {@code Class-Path}
 * entries of its jars spelled out, less every entry that holds the corpus and every jar that
 * would pull more entries in through its own manifest. The child gets an explicit list, so the
 * held-out text is not on its class path by construction, and {@link #of} checks it.
 */
public final class ChildClasspath {

    private ChildClasspath() {}

    /** The entries for a child, resolved from {@code java.class.path}. */
    public static List<Path> current() {
        return of(System.getProperty("java.class.path"));
    }

    static List<Path> of(String classPath) {
        Set<Path> expanded = new LinkedHashSet<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                expand(Path.of(entry).toAbsolutePath().normalize(), expanded);
            }
        }
        List<Path> child = new ArrayList<>();
        for (Path entry : expanded) {
            if (Files.exists(entry) && !holdsCorpus(entry) && !hasManifestClassPath(entry)) {
                child.add(entry);
            }
        }
        return List.copyOf(child);
    }

    /** Whether a class-path entry (a folder or a jar) holds the bundled corpus. */
    static boolean holdsCorpus(Path entry) {
        if (Files.isDirectory(entry)) {
            return Files.exists(entry.resolve(Corpus.TINY_SHAKESPEARE));
        }
        if (!Files.isRegularFile(entry)) {
            return false;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            return jar.getEntry(Corpus.TINY_SHAKESPEARE) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static void expand(Path entry, Set<Path> into) {
        if (!into.add(entry) || !Files.isRegularFile(entry)) {
            return;
        }
        for (String reference : manifestClassPath(entry)) {
            expand(entry.getParent().resolve(reference).toAbsolutePath().normalize(), into);
        }
    }

    private static boolean hasManifestClassPath(Path entry) {
        return Files.isRegularFile(entry) && !manifestClassPath(entry).isEmpty();
    }

    private static List<String> manifestClassPath(Path jarPath) {
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            Manifest manifest = jar.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + jarPath, e);
        }
    }
}
