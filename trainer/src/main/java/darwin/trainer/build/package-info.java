/**
 * Compiles a training program's Java sources in process and in memory, with the JDK's own
 * compiler, against the harness API and DJL.
 *
 * <p>A {@link darwin.trainer.build.SourceCompiler} takes sources keyed by relative path ({@code
 * darwin/seed/NanoGpt.java}) and returns a {@link darwin.trainer.build.Compilation}: the class
 * bytes by binary name, nothing written to disk, and {@link
 * darwin.trainer.build.CompilerDiagnostic}s that carry the relative path, line, column and source
 * line of each problem. {@link darwin.trainer.build.Compilation#report()} renders the errors as
 * javac would print them, for the mutation step to hand back to the model that wrote the code.
 *
 * <h2>Compiling a variant</h2>
 *
 * <p>{@code SourceCompiler} compiles a program's sources (file contents by relative path, such as
 * {@code program/darwin/program/NanoGpt.java}; files not ending in {@code .java} are ignored) in
 * process with the JDK's compiler. A variant's compiler ({@code ChildClasspath.compiler()},
 * {@code SourceCompiler.forVariants}; the sandbox's, the mutation step's and the upgrades') has the
 * variant's class path: the harness's entry, DJL's API and its PyTorch engine
 * ({@code ChildClasspath.forCompiler()}), then the variant's libraries; of darwin's packages only
 * the harness API is visible ({@code VisiblePackages.VARIANT}: the class-path files of a hidden
 * package are not listed to javac). So a variant sees the harness API and DJL and nothing newer
 * than Java 21 ({@code --release 21}, {@code -proc:none}, {@code -g}); an import of
 * {@code darwin.core}, of the harness's internals or of a library only darwin uses (Jackson,
 * LangChain4j, ...) is javac's "package ... does not exist", a {@code COMPILE_ERROR} like any
 * other. Sources come from the map and classes go to a map by binary name, nested and anonymous
 * ones included; nothing is written to disk unless {@code Compilation.writeClasses} is asked to.
 * The source path is empty, so javac never compiles a {@code .java} file it finds on the class
 * path. Each {@code CompilerDiagnostic} carries the relative path, line, column (in characters:
 * javac's own column expands tabs) and the source line; {@code Compilation.report()} renders the
 * first 20 errors as javac prints them, caret included, for the mutation step to hand back to the
 * model that wrote the code. The compiler needs a JDK, not a JRE; compilations on one
 * {@code SourceCompiler} run one at a time.
 */
package darwin.trainer.build;
