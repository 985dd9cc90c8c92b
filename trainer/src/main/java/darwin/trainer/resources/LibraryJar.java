package darwin.trainer.resources;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The rules a library's jar must keep to go on a variant's class path. It goes after the harness's
 * own entries, so it cannot replace a class of theirs; it must also add nothing to their packages
 * (a class there would share their package-private access) and pull in no other path through its
 * manifest's {@code Class-Path} (which could lead back to the corpus).
 */
final class LibraryJar {

    /** Package prefixes a library may not put files in: the harness's, its libraries', and darwin's. */
    static final List<String> PROTECTED = Stream.concat(HarnessPackages.PROTECTED.stream(), Stream.of("darwin."))
            .distinct().toList();

    private static final String VERSIONS = "META-INF/versions/";

    private LibraryJar() {}

    /** Checks a jar; {@code what} names it in the message (a path, or a resource and its file). */
    static void check(Path jar, String what) throws ResourceException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath != null && !classPath.isBlank()) {
                throw new ResourceException(what + " names more jars in its manifest's Class-Path (" + classPath.strip()
                        + "); a library must be one self-contained jar");
            }
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(VERSIONS)) { // a multi-release jar: META-INF/versions/17/a/b/C.class
                    int slash = name.indexOf('/', VERSIONS.length());
                    name = slash < 0 ? "" : name.substring(slash + 1);
                }
                String dotted = name.replace('/', '.');
                for (String prefix : PROTECTED) {
                    if (dotted.startsWith(prefix)) {
                        throw new ResourceException(what + " holds " + name + ", in the package " + prefix
                                + "* of the harness or its libraries, which a library may not add to");
                    }
                }
            }
        } catch (IOException | SecurityException e) {
            throw new ResourceException(what + " is not a readable jar: " + e.getMessage(), e);
        }
    }
}
