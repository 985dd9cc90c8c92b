package darwin.trainer.build;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a program's sources in process, in memory, with the JDK's compiler.
 *
 * <p>Configuration: the classpath, which of its packages the sources see ({@link VisiblePackages})
 * and the javac options are fixed when the compiler is made and checked then (javac rejects an
 * unknown option at once); the classpath is given only here, never as an option. Classes on the
 * classpath are visible to the sources, but those of hidden packages; Java sources on it are not:
 * the source path is empty, so javac never compiles a file it was not given.
 *
 * <p>Memory: sources are read from the map and classes written to a map; nothing touches the
 * disk but the classpath, which each compilation opens afresh and closes when it ends (about a
 * tenth of a second on a warm JVM), so that no jar stays open and the compiler needs no closing.
 *
 * <p>Concurrency: one instance may be shared; {@link #compile} is synchronized, so its
 * compilations run one at a time (the JDK does not document its compiler as thread-safe).
 */
public final class SourceCompiler {

    /**
     * Java 21 class files whatever the JDK, no annotation processing, no lint warnings, and line
     * numbers and local variable names in the classes for readable stack traces.
     */
    public static final List<String> DEFAULT_OPTIONS =
            List.of("--release", "21", "-proc:none", "-encoding", "UTF-8", "-Xlint:none", "-g");

    /** Options that name where classes are read or written: the compiler sets those itself. */
    private static final Set<String> PATH_OPTIONS = Set.of("-cp", "-classpath", "--class-path", "-sourcepath",
            "--source-path", "-d", "-s", "-h", "--module-path", "-p", "--module-source-path");

    private final JavaCompiler compiler;
    private final List<Path> classpath;
    private final VisiblePackages packages;
    private final List<String> options;

    /**
     * A compiler with the given classpath, all of whose packages the sources see, and options.
     *
     * @throws IllegalStateException when this JVM has no compiler (a JRE rather than a JDK)
     * @throws IllegalArgumentException when javac rejects an option, or an option sets a path
     */
    public SourceCompiler(List<Path> classpath, List<String> options) {
        this(classpath, VisiblePackages.ALL, options);
    }

    /**
     * A compiler with the given classpath, of which the sources see {@code packages}, and options.
     *
     * @throws IllegalStateException when this JVM has no compiler (a JRE rather than a JDK)
     * @throws IllegalArgumentException when javac rejects an option, or an option sets a path
     */
    public SourceCompiler(List<Path> classpath, VisiblePackages packages, List<String> options) {
        this.classpath = List.copyOf(classpath);
        this.packages = Objects.requireNonNull(packages, "packages");
        this.options = List.copyOf(options);
        for (String option : this.options) {
            if (PATH_OPTIONS.contains(option.split("=", 2)[0])) {
                throw new IllegalArgumentException("the option " + option
                        + " is not allowed: the classpath is given apart, and classes are kept in memory");
            }
        }
        this.compiler = systemCompiler();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            compiler.getTask(null, files, null, this.options, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the compiler's file manager", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("javac rejects the options " + this.options + ": " + e.getMessage(), e);
        }
    }

    /** A compiler with the given classpath and the {@linkplain #DEFAULT_OPTIONS default options}. */
    public static SourceCompiler withClasspath(List<Path> classpath) {
        return new SourceCompiler(classpath, DEFAULT_OPTIONS);
    }

    /**
     * A compiler for variants' programs: the default options, and of darwin's packages on
     * {@code classpath} only the harness API ({@link VisiblePackages#VARIANT}). The class path is
     * the variant's (the harness, DJL's API and engine; see {@code ChildClasspath.forCompiler}); a
     * variant's libraries follow it in each {@link #compile(Map, List)}.
     */
    public static SourceCompiler forVariants(List<Path> classpath) {
        return new SourceCompiler(classpath, VisiblePackages.VARIANT, DEFAULT_OPTIONS);
    }

    /**
     * A compiler that sees what this JVM was started with ({@code java.class.path}): the harness
     * API, DJL and the rest of darwin's dependencies. A jar's manifest {@code Class-Path} is
     * followed, as the JVM follows it.
     */
    public static SourceCompiler forRunningJvm() {
        return withClasspath(runningClasspath());
    }

    /** The entries of this JVM's {@code java.class.path}. */
    public static List<Path> runningClasspath() {
        return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .toList();
    }

    public List<Path> classpath() {
        return classpath;
    }

    public VisiblePackages packages() {
        return packages;
    }

    public List<String> options() {
        return options;
    }

    /**
     * Compiles the {@code .java} files of a program; other files in the map are ignored.
     *
     * @param sources file contents by relative path, such as {@code darwin/seed/NanoGpt.java}
     * @return the classes and diagnostics; a failure to compile is a result, not an exception
     * @throws IllegalArgumentException when there is no {@code .java} file, or a path is absolute
     *     or contains {@code ..}
     */
    public Compilation compile(Map<String, String> sources) {
        return compile(sources, List.of());
    }

    /**
     * Compiles as {@link #compile(Map)} does, with {@code libraries} (jars) after this compiler's
     * classpath for this compilation only: a variant's libraries.
     */
    public synchronized Compilation compile(Map<String, String> sources, List<Path> libraries) {
        List<SourceFile> units = SourceFile.of(sources);
        List<Path> searched = libraries.isEmpty() ? classpath
                : Stream.concat(classpath.stream(), libraries.stream()).toList();
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        StringWriter output = new StringWriter();
        try (StandardJavaFileManager standard = compiler.getStandardFileManager(collector, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, searched);
            standard.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
            ClassOutput files = new ClassOutput(standard, packages);
            boolean passed = compiler.getTask(output, files, collector, options, null, units).call();
            List<CompilerDiagnostic> diagnostics = new ArrayList<>();
            collector.getDiagnostics().forEach(diagnostic -> diagnostics.add(CompilerDiagnostic.of(diagnostic)));
            String other = output.toString().strip();
            boolean errors = diagnostics.stream().anyMatch(CompilerDiagnostic::isError);
            if (!passed && !errors) {
                String message = other.isEmpty() ? "the compiler failed without reporting an error" : other;
                diagnostics.add(new CompilerDiagnostic(CompilerDiagnostic.Kind.ERROR, "", 0, 0, message, ""));
            } else if (!other.isEmpty()) {
                diagnostics.add(new CompilerDiagnostic(CompilerDiagnostic.Kind.NOTE, "", 0, 0, other, ""));
            }
            return new Compilation(passed && !errors, files.classes(), diagnostics);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classpath " + searched, e);
        }
    }

    private static JavaCompiler systemCompiler() {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this JVM (" + System.getProperty("java.home")
                    + "): compiling programs needs a JDK 21 or newer, not a JRE; set JAVA_HOME to a JDK");
        }
        return compiler;
    }
}
