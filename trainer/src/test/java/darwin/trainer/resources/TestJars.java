package darwin.trainer.resources;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds small real jars for the tests: Java sources compiled with the JDK's compiler, then packed. */
final class TestJars {

    /** A library whose one class, {@code org.example.tiny.Widths}, returns what it is given. */
    static final Map<String, String> TINY = Map.of("org/example/tiny/Widths.java", """
            package org.example.tiny;

            /** Returns its argument: enough for a program to depend on. */
            public final class Widths {
                private Widths() {}

                public static int same(int n) {
                    return n;
                }
            }
            """);

    private TestJars() {}

    /** Compiles {@code sources} (relative path → text) and packs the classes into {@code dir/name}. */
    static Path compiled(Path dir, String name, Map<String, String> sources) throws IOException {
        Path src = Files.createTempDirectory(dir, "src");
        Path classes = Files.createTempDirectory(dir, "classes");
        List<String> arguments = new ArrayList<>(List.of("--release", "21", "-d", classes.toString()));
        for (var source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the test library does not compile");
        }
        Map<String, byte[]> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                entries.put(classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return packed(dir.resolve(name), entries, null);
    }

    /** A jar of the given entries, with a manifest that has a {@code Class-Path} when one is given. */
    static Path packed(Path jar, Map<String, byte[]> entries, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (var entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }
}
