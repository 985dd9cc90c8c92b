package darwin.runs.slurm;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The batch script of an evaluation's job: the preamble (modules, environment), then darwin's
 * hidden {@code evaluation-job} command on the job's folder, started with the same Java and class
 * path as the loop, which on a cluster lie on the shared home. {@code DARWIN_JAVA} (set in the
 * preamble, say) names another {@code java}; {@code DARWIN_JAVA_OPTS} adds options.
 *
 * @param java the {@code java} launcher
 * @param classpath darwin's class path, absolute
 * @param preamble shell lines to run first, when given
 */
public record JobScript(Path java, List<String> classpath, Optional<String> preamble) {

    /** The options of the job's JVM: it compiles the variant and waits for the children. */
    static final List<String> JVM_OPTIONS = List.of("-Dai.djl.offline=true", "-XX:+UseParallelGC",
            "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED");

    public JobScript {
        Objects.requireNonNull(java, "java");
        classpath = List.copyOf(classpath);
        if (classpath.isEmpty()) {
            throw new IllegalArgumentException("a job needs darwin's class path");
        }
        Objects.requireNonNull(preamble, "preamble");
    }

    /** The script for this JVM's Java and class path. */
    public static JobScript ofThisProcess(Optional<String> preamble) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .toList();
        return new JobScript(java, classpath, preamble);
    }

    /** The script's text for the job whose files are in {@code folder}; {@code what} says which evaluation. */
    public String text(JobFolder folder, String what) {
        List<String> command = new ArrayList<>();
        command.add("\"${DARWIN_JAVA:-" + java + "}\"");
        JVM_OPTIONS.stream().map(JobScript::quoted).forEach(command::add);
        command.add("${DARWIN_JAVA_OPTS:-}");
        command.add("-cp");
        command.add(quoted(String.join(File.pathSeparator, classpath)));
        command.add("darwin.runs.Darwin");
        command.add(EvaluationJobCommand.NAME);
        command.add(quoted(folder.dir().toString()));
        return "#!/bin/bash\n"
                + "# darwin: " + what.replaceAll("[\\r\\n]", " ") + "\n"
                + "# every attempt of the job runs this again; its result goes to " + folder.resultFile().getFileName() + "\n"
                + "set -e\n"
                + "cd " + quoted(folder.dir().toString()) + "\n"
                + preamble.map(lines -> lines.strip() + "\n").orElse("")
                + "exec " + command.stream().collect(Collectors.joining(" ")) + "\n";
    }

    /** {@code text} in single quotes, for the shell. */
    static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
