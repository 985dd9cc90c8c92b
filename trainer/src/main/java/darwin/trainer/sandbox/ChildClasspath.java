package darwin.trainer.sandbox;

import darwin.trainer.build.SourceCompiler;
import darwin.trainer.data.Corpus;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * The class path of a child process, and of a variant's compilation: an allow-list
 * ({@link ChildLibrary}), not this JVM's class path less some entries.
 *
 * <p>This JVM's class path is read with the manifest {@code Class-Path} entries of its jars spelled
 * out, and an entry is kept only when it holds the anchor of an allowed library, and none of these:
 * the corpus, a manifest {@code Class-Path} (which would pull more entries in), or a package of a
 * {@link ReservedLibrary} (a jar that bundles Jackson with DJL is refused whole). The child gets
 * an explicit list, so the held-out text and darwin's other libraries are not on its class path
 * by construction, and the selection checks it. Entries are recognized by what they hold, not by
 * their names, so the same rule serves the application's {@code lib/} folder, the Maven repository
 * and a build's class folders.
 */
public final class ChildClasspath {

    /** The folder of a multi-release jar's versioned classes, which the check reads as the others. */
    private static final Pattern VERSIONED = Pattern.compile("^META-INF/versions/\\d+/");

    private ChildClasspath() {}

    /**
     * The entries for a child, resolved from {@code java.class.path}.
     *
     * @throws IllegalStateException when the class path lacks a library no child can start without
     */
    public static List<Path> current() {
        return of(System.getProperty("java.class.path"));
    }

    /**
     * The class path a variant's sources are compiled against: of a child's entries, those of the
     * harness (of which only the harness API is visible) and DJL's API and engine.
     *
     * @throws IllegalStateException when the class path lacks a library no child can start without
     */
    public static List<Path> forCompiler() {
        return forCompiler(System.getProperty("java.class.path"));
    }

    /** A compiler for variants, against {@link #forCompiler()}: {@link SourceCompiler#forVariants}. */
    public static SourceCompiler compiler() {
        return SourceCompiler.forVariants(forCompiler());
    }

    static List<Path> of(String classPath) {
        return select(classPath).stream().map(Selected::path).toList();
    }

    static List<Path> forCompiler(String classPath) {
        return select(classPath).stream()
                .filter(entry -> entry.holds().stream().anyMatch(ChildLibrary::compiled))
                .map(Selected::path)
                .toList();
    }

    /** An entry taken, and the allowed libraries it holds. */
    private record Selected(Path path, Set<ChildLibrary> holds) {}

    private static List<Selected> select(String classPath) {
        Set<Path> expanded = new LinkedHashSet<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                expand(Path.of(entry).toAbsolutePath().normalize(), expanded);
            }
        }
        List<Selected> selected = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Set<ChildLibrary> found = EnumSet.noneOf(ChildLibrary.class);
        for (Path entry : expanded) {
            if (!Files.exists(entry) || holdsCorpus(entry) || hasManifestClassPath(entry)) {
                continue;
            }
            Set<ChildLibrary> holds = librariesIn(entry);
            if (holds.isEmpty()) {
                continue;
            }
            Optional<ReservedLibrary> reserved = reservedIn(entry);
            if (reserved.isPresent()) {
                refused.add(entry + " (it holds " + reserved.get().what() + ")");
                continue;
            }
            found.addAll(holds);
            selected.add(new Selected(entry, holds));
        }
        List<String> missing = new ArrayList<>();
        for (ChildLibrary library : ChildLibrary.values()) {
            if (library.required() && !found.contains(library)) {
                missing.add(library.what() + " (an entry holding " + library.anchor() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("a child process needs " + String.join(", ", missing)
                    + ", and this JVM's class path has none"
                    + (refused.isEmpty() ? "" : "; refused: " + String.join(", ", refused)));
        }
        return List.copyOf(selected);
    }

    /** Whether a class-path entry (a folder or a jar) holds the bundled corpus. */
    static boolean holdsCorpus(Path entry) {
        return holds(entry, Corpus.TINY_SHAKESPEARE);
    }

    /** The allowed libraries whose anchors a folder or a jar holds; an unreadable jar holds none. */
    private static Set<ChildLibrary> librariesIn(Path entry) {
        Set<ChildLibrary> holds = EnumSet.noneOf(ChildLibrary.class);
        if (Files.isDirectory(entry)) {
            for (ChildLibrary library : ChildLibrary.values()) {
                if (Files.exists(entry.resolve(library.anchor()))) {
                    holds.add(library);
                }
            }
            return holds;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            for (ChildLibrary library : ChildLibrary.values()) {
                if (jar.getEntry(library.anchor()) != null) {
                    holds.add(library);
                }
            }
        } catch (IOException e) {
            holds.clear();
        }
        return holds;
    }

    /** Whether a folder or a jar holds a file at {@code name}; an unreadable jar holds nothing. */
    private static boolean holds(Path entry, String name) {
        if (Files.isDirectory(entry)) {
            return Files.exists(entry.resolve(name));
        }
        if (!Files.isRegularFile(entry)) {
            return false;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            return jar.getEntry(name) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first reserved library a folder or a jar holds a file of, if any. */
    static Optional<ReservedLibrary> reservedIn(Path entry) {
        for (ReservedLibrary library : ReservedLibrary.values()) {
            if (Files.isDirectory(entry) && Files.exists(entry.resolve(library.pathPrefix()))) {
                return Optional.of(library);
            }
        }
        if (!Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                String name = VERSIONED.matcher(entries.nextElement().getName()).replaceFirst("");
                Optional<ReservedLibrary> reserved = ReservedLibrary.of(name.replace('/', '.'));
                if (reserved.isPresent()) {
                    return reserved;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class-path entry " + entry, e);
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
