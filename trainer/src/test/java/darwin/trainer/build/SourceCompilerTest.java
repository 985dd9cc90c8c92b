package darwin.trainer.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.trainer.api.TrainingProgram;
import darwin.trainer.sandbox.VariantClassLoader;
import darwin.trainer.variant.HarnessFiles;
import darwin.trainer.variant.SeedVariant;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SourceCompilerTest {

    private static final SourceCompiler COMPILER = SourceCompiler.forRunningJvm();

    private static Map<String, String> sources(String... pathsAndContents) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            sources.put(pathsAndContents[i], pathsAndContents[i + 1]);
        }
        return sources;
    }

    private static CompilerDiagnostic onlyError(Compilation compilation) {
        assertFalse(compilation.succeeded(), compilation.report());
        assertEquals(1, compilation.errors().size(), compilation.report());
        return compilation.errors().getFirst();
    }

    @Test
    void twoFilesCompileAndTheClassesLoadAndRun() throws Exception {
        Compilation compilation = COMPILER.compile(sources(
                "demo/Greeter.java", """
                        package demo;

                        public class Greeter {
                            public static String greet(String name) {
                                return Names.polite(name) + "!";
                            }
                        }
                        """,
                "demo/Names.java", """
                        package demo;

                        final class Names {
                            static String polite(String name) {
                                return "Hello, " + name;
                            }
                        }
                        """));
        assertTrue(compilation.succeeded(), compilation.report());
        assertEquals(Set.of("demo.Greeter", "demo.Names"), compilation.classes().keySet());
        assertEquals("", compilation.report());
        Class<?> greeter = new VariantClassLoader(compilation.classes(), SourceCompilerTest.class.getClassLoader()).loadClass("demo.Greeter");
        assertEquals("Hello, Ada!", greeter.getMethod("greet", String.class).invoke(null, "Ada"));
    }

    @Test
    void syntaxErrorPointsAtItsFileLineAndColumn() {
        Compilation compilation = COMPILER.compile(sources("demo/Broken.java", """
                package demo;

                public class Broken {
                    int x = 1
                }
                """));
        CompilerDiagnostic error = onlyError(compilation);
        assertEquals(CompilerDiagnostic.Kind.ERROR, error.kind());
        assertEquals("demo/Broken.java", error.path());
        assertEquals(4, error.line());
        assertEquals(14, error.column(), "javac points just past the 1");
        assertEquals("    int x = 1", error.sourceLine());
        assertEquals("';' expected", error.message());
        assertEquals("""
                demo/Broken.java:4:14: error: ';' expected
                    int x = 1
                             ^""", error.render());
        assertTrue(compilation.classes().isEmpty());
    }

    @Test
    void columnsCountATabAsOneCharacter() {
        // javac's own column expands tabs to multiples of 8: here it would say 25
        CompilerDiagnostic error = onlyError(COMPILER.compile(sources("demo/Tabs.java",
                "package demo;\n\tclass Tabs {\n\t\tint x = y;\n\t}\n")));
        assertEquals(3, error.line());
        assertEquals(11, error.column());
        assertEquals("\t\tint x = y;", error.sourceLine());
        assertTrue(error.render().contains("\n\t\tint x = y;\n\t\t        ^\n"), error.render());
    }

    @Test
    void unknownSymbolInTheSecondFileIsReportedThere() {
        Compilation compilation = COMPILER.compile(sources(
                "demo/First.java", "package demo;\n\nclass First {\n    static int one() { return 1; }\n}\n",
                "demo/Second.java", "package demo;\n\nclass Second {\n    int two = First.one() + missing;\n}\n"));
        CompilerDiagnostic error = onlyError(compilation);
        assertEquals("demo/Second.java", error.path());
        assertEquals(4, error.line());
        assertEquals(29, error.column());
        assertTrue(error.message().startsWith("cannot find symbol"), error.message());
        assertEquals("""
                demo/Second.java:4:29: error: cannot find symbol
                    int two = First.one() + missing;
                                            ^
                  symbol:   variable missing
                  location: class demo.Second
                1 error""", compilation.report());
    }

    @Test
    void aTrainingProgramCompilesAgainstTheHarnessApiAndDjl() throws Exception {
        Compilation compilation = COMPILER.compile(sources("variant/Tiny.java", """
                package variant;

                import ai.djl.ndarray.NDArray;
                import ai.djl.ndarray.NDManager;
                import ai.djl.ndarray.types.Shape;
                import darwin.trainer.api.Architecture;
                import darwin.trainer.api.LanguageModel;
                import darwin.trainer.api.TrainingContext;
                import darwin.trainer.api.TrainingProgram;
                import java.util.LinkedHashMap;
                import java.util.SequencedMap;
                import java.util.Set;

                public final class Tiny implements TrainingProgram {

                    @Override
                    public LanguageModel train(TrainingContext context) {
                        return newModel(context.manager(), context.vocabularySize());
                    }

                    @Override
                    public LanguageModel newModel(NDManager manager, int vocabularySize) {
                        NDArray bias = manager.zeros(new Shape(vocabularySize));
                        return new LanguageModel() {
                            @Override
                            public NDArray logits(NDArray tokens) {
                                return bias.broadcast(tokens.getShape().add(vocabularySize));
                            }

                            @Override
                            public SequencedMap<String, NDArray> parameters() {
                                SequencedMap<String, NDArray> parameters = new LinkedHashMap<>();
                                parameters.put("bias", bias);
                                return parameters;
                            }

                            @Override
                            public Architecture architecture() {
                                return new Architecture(0, 1, 64, Set.of());
                            }
                        };
                    }
                }
                """));
        assertTrue(compilation.succeeded(), compilation.report());
        assertEquals(Set.of("variant.Tiny", "variant.Tiny$1"), compilation.classes().keySet());
        Class<?> tiny = new VariantClassLoader(compilation.classes(), SourceCompilerTest.class.getClassLoader()).loadClass("variant.Tiny");
        assertInstanceOf(TrainingProgram.class, tiny.getConstructor().newInstance());
    }

    @Test
    void theSeedVariantCompilesFromItsSources() {
        Map<String, String> seed = new LinkedHashMap<>();
        SeedVariant.variant().sources().forEach((path, content) -> {
            if (HarnessFiles.isMutable(path)) {
                seed.put(path, content);
            }
        });
        assertTrue(seed.containsKey("program/darwin/program/NanoGpt.java"), seed.keySet().toString());
        Compilation compilation = COMPILER.compile(seed);
        assertTrue(compilation.succeeded(), compilation.report());
        for (String path : seed.keySet()) {
            String name = path.substring("program/".length(), path.length() - ".java".length()).replace('/', '.');
            // javac writes no class for a package-info without annotations
            assertTrue(name.endsWith("package-info") || compilation.classes().containsKey(name), name);
        }
    }

    @Test
    void nestedLocalAndAnonymousClassesAreAllKept(@TempDir Path out) throws Exception {
        Compilation compilation = COMPILER.compile(sources("demo/Outer.java", """
                package demo;

                public class Outer {
                    static class Nested {}
                    class Inner {}
                    record Point(int x, int y) {}
                    enum Colour { RED, GREEN }

                    Runnable task() {
                        class Local implements Runnable {
                            public void run() {}
                        }
                        Runnable lambda = () -> {};
                        lambda.run();
                        return new Runnable() {
                            public void run() { new Local().run(); }
                        };
                    }
                }

                class Sidekick {}
                """));
        assertTrue(compilation.succeeded(), compilation.report());
        assertEquals(Set.of("demo.Outer", "demo.Outer$Nested", "demo.Outer$Inner", "demo.Outer$Point",
                "demo.Outer$Colour", "demo.Outer$1Local", "demo.Outer$1", "demo.Sidekick"),
                compilation.classes().keySet());

        compilation.writeClasses(out);
        for (Map.Entry<String, byte[]> entry : compilation.classes().entrySet()) {
            Path file = out.resolve(entry.getKey().replace('.', '/') + ".class");
            assertArrayEquals(entry.getValue(), Files.readAllBytes(file), file.toString());
        }
        assertTrue(Files.isRegularFile(out.resolve("demo/Outer$1.class")));
    }

    @Test
    void filesOtherThanJavaSourcesAreIgnored() {
        Compilation compilation = COMPILER.compile(sources(
                "demo/Plain.java", "package demo;\nclass Plain {}\n",
                "README.md", "# not { java",
                "demo/Plain.java.orig", "class Broken {"));
        assertTrue(compilation.succeeded(), compilation.report());
        assertEquals(Set.of("demo.Plain"), compilation.classes().keySet());
    }

    @Test
    void badSourceMapsAreRejected() {
        String ok = "class A {}";
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> COMPILER.compile(Map.of()));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        IllegalArgumentException noJava =
                assertThrows(IllegalArgumentException.class, () -> COMPILER.compile(Map.of("notes.txt", ok)));
        assertTrue(noJava.getMessage().contains("no .java files"), noJava.getMessage());
        for (String path : List.of("../x.java", "demo/../../x.java", "/abs/x.java", "C:/x.java", "demo//x.java", "")) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> COMPILER.compile(Map.of(path, ok)), path);
            assertTrue(e.getMessage().contains("source path"), e.getMessage());
        }
    }

    @Test
    void sourcesOnTheClasspathAreNotCompiled(@TempDir Path classpath) throws Exception {
        Files.createDirectories(classpath.resolve("hidden"));
        Files.writeString(classpath.resolve("hidden/Secret.java"), "package hidden;\npublic class Secret {}\n");
        Compilation compilation = SourceCompiler.withClasspath(List.of(classpath))
                .compile(Map.of("demo/User.java", "package demo;\nclass User { hidden.Secret secret; }\n"));
        CompilerDiagnostic error = onlyError(compilation);
        assertEquals("package hidden does not exist", error.message());
        assertTrue(compilation.classes().isEmpty());
    }

    @Test
    void aJarsManifestClassPathIsFollowedAsTheLauncherNeeds(@TempDir Path dir) throws Exception {
        // ./darwin starts the JVM with one jar whose manifest lists the others
        Path library = dir.resolve("lib");
        String shared = "package lib;\npublic class Shared { public static int answer() { return 42; } }\n";
        COMPILER.compile(Map.of("lib/Shared.java", shared)).writeClasses(library);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/");
        Path jar = dir.resolve("app.jar");
        try (OutputStream file = Files.newOutputStream(jar)) {
            new JarOutputStream(file, manifest).finish();
        }
        Compilation compilation = SourceCompiler.withClasspath(List.of(jar))
                .compile(Map.of("demo/App.java", "package demo;\nclass App { int a = lib.Shared.answer(); }\n"));
        assertTrue(compilation.succeeded(), compilation.report());
    }

    @Test
    void optionsAreCheckedWhenTheCompilerIsMade() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new SourceCompiler(List.of(), List.of("--release", "21", "-no-such-flag")));
        assertTrue(unknown.getMessage().contains("-no-such-flag"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SourceCompiler(List.of(), List.of("-d", "out")));
        assertThrows(IllegalArgumentException.class, () -> new SourceCompiler(List.of(), List.of("--class-path=x")));
        assertEquals(SourceCompiler.DEFAULT_OPTIONS, COMPILER.options());
        assertEquals(SourceCompiler.runningClasspath(), COMPILER.classpath());
    }
}
