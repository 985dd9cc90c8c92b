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
 */
package darwin.trainer.build;
