package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import darwin.trainer.api.TrainingProgram;
import darwin.trainer.data.Corpus;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child's class path is the allow-list's entries of this JVM's class path and nothing else: not
 * darwin's other libraries, not the corpus, not a jar that pulls in more through its manifest.
 */
class ChildClasspathTest {

    /** A folder for each library no child can start without, holding its anchor. */
    private static List<Path> required(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        for (ChildLibrary library : ChildLibrary.values()) {
            if (library.required()) {
                entries.add(folder(dir.resolve(library.name()), library.anchor()));
            }
        }
        return entries;
    }

    private static Path folder(Path dir, String... files) throws IOException {
        for (String file : files) {
            Files.createDirectories(dir.resolve(file).getParent());
            Files.write(dir.resolve(file), new byte[] {1});
        }
        Files.createDirectories(dir);
        return dir;
    }

    private static Path jar(Path jar, String manifestClassPath, String... files) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (manifestClassPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, manifestClassPath);
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (String name : files) {
                out.putNextEntry(new JarEntry(name));
                out.write(1);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String classPath(List<Path> entries) {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    private static List<Path> with(List<Path> entries, Path... more) {
        List<Path> all = new ArrayList<>(entries);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void anEntryIsKeptOnlyWhenItHoldsAnAllowedLibrary(@TempDir Path dir) throws IOException {
        List<Path> required = required(dir);
        Path other = folder(dir.resolve("other"), "org/example/Other.class");
        Path nop = jar(dir.resolve("slf4j-nop.jar"), null, ChildLibrary.SLF4J_NOP.anchor());
        Path jackson = jar(dir.resolve("jackson-databind.jar"), null, "com/fasterxml/jackson/databind/ObjectMapper.class");
        Path picocli = folder(dir.resolve("picocli"), "picocli/CommandLine.class");

        assertEquals(with(required, nop), ChildClasspath.of(classPath(with(required, other, jackson, nop, picocli))));
    }

    @Test
    void anEntryThatAlsoHoldsAReservedLibraryIsRefusedWhole(@TempDir Path dir) throws IOException {
        List<Path> required = required(dir);
        Path djlWithJackson = jar(dir.resolve("djl-all.jar"), null, ChildLibrary.DJL.anchor(),
                "com/fasterxml/jackson/core/JsonFactory.class");
        Path versioned = jar(dir.resolve("versioned.jar"), null, ChildLibrary.GSON.anchor(),
                "META-INF/versions/11/io/jenetics/Gene.class");
        Path harnessWithRuns = folder(dir.resolve("everything"), ChildLibrary.HARNESS.anchor(), "darwin/runs/Darwin.class");

        assertEquals(required, ChildClasspath.of(classPath(with(required, djlWithJackson, versioned, harnessWithRuns))));
        assertEquals(Optional.of(ReservedLibrary.JACKSON), ChildClasspath.reservedIn(djlWithJackson));
        assertEquals(Optional.of(ReservedLibrary.JENETICS), ChildClasspath.reservedIn(versioned));
        assertEquals(Optional.of(ReservedLibrary.RUNS), ChildClasspath.reservedIn(harnessWithRuns));
    }

    @Test
    void aMissingRequiredLibraryIsNamed(@TempDir Path dir) throws IOException {
        List<Path> entries = required(dir);
        entries.remove(dir.resolve(ChildLibrary.PYTORCH_ENGINE.name()));
        entries.add(jar(dir.resolve("engine-and-caffeine.jar"), null, ChildLibrary.PYTORCH_ENGINE.anchor(),
                "com/github/benmanes/caffeine/cache/Caffeine.class"));

        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> ChildClasspath.of(classPath(entries)));

        assertTrue(missing.getMessage().startsWith("a child process needs DJL's PyTorch engine (an entry holding "
                + "ai/djl/pytorch/engine/PtEngine.class)"), missing.getMessage());
        assertTrue(missing.getMessage().contains("engine-and-caffeine.jar (it holds Caffeine)"), missing.getMessage());
    }

    @Test
    void theCorpusAndJarsWithAManifestClassPathStayOut(@TempDir Path dir) throws IOException {
        List<Path> required = required(dir);
        Path corpus = folder(dir.resolve("data"), ChildLibrary.COMMONS_IO.anchor(), Corpus.TINY_SHAKESPEARE);
        Path codec = jar(dir.resolve("codec.jar"), null, ChildLibrary.COMMONS_CODEC.anchor());
        Path launcher = jar(dir.resolve("launcher.jar"), "codec.jar data/", ChildLibrary.COMMONS_COMPRESS.anchor());

        // the launcher's manifest is followed, and the launcher left out: it would pull the corpus back in
        assertEquals(with(required, codec), ChildClasspath.of(classPath(with(required, launcher))));
        assertTrue(ChildClasspath.holdsCorpus(corpus));
    }

    @Test
    void theCompilerSeesTheHarnessAndDjlOnly(@TempDir Path dir) throws IOException {
        List<Path> entries = with(required(dir), jar(dir.resolve("jni.jar"), null, ChildLibrary.PYTORCH_JNI.anchor()));

        assertEquals(List.of(dir.resolve("HARNESS"), dir.resolve("DJL"), dir.resolve("PYTORCH_ENGINE")),
                ChildClasspath.forCompiler(classPath(entries)));
    }

    @Test
    void thisJvmsChildClassPathHoldsTheHarnessAndDjlButNeitherJacksonNorCaffeine() throws Exception {
        List<Path> child = ChildClasspath.current();

        assertTrue(child.contains(codeSource(TrainingProgram.class)), child.toString());
        assertTrue(child.contains(codeSource(NDArray.class)), child.toString());
        for (Class<?> outside : List.of(ObjectMapper.class, Caffeine.class, ChildClasspathTest.class)) {
            assertFalse(child.contains(codeSource(outside)), outside + " " + child);
        }
        for (Path entry : child) {
            assertEquals(Optional.empty(), ChildClasspath.reservedIn(entry), entry.toString());
            assertFalse(ChildClasspath.holdsCorpus(entry), entry.toString());
        }
        URL[] urls = child.stream().map(ChildClasspathTest::url).toArray(URL[]::new);
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            for (Class<?> inside : List.of(TrainingProgram.class, NDArray.class, ScoreChild.class)) {
                assertEquals(inside.getName(), Class.forName(inside.getName(), false, loader).getName());
            }
            for (Class<?> outside : List.of(ObjectMapper.class, Caffeine.class)) {
                assertThrows(ClassNotFoundException.class, () -> Class.forName(outside.getName(), false, loader));
            }
        }
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
    }

    private static URL url(Path entry) {
        try {
            return entry.toUri().toURL();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyAllowedLibraryIsNamedByAFileOfItsOwn() {
        assertEquals(ChildLibrary.values().length,
                Stream.of(ChildLibrary.values()).map(ChildLibrary::anchor).distinct().count());
        for (ChildLibrary library : ChildLibrary.values()) {
            assertEquals(Optional.empty(), ReservedLibrary.of(library.anchor().replace('/', '.')), library.name());
        }
    }
}
