package darwin.trainer.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds programs the way {@code execvp} does: a name with a slash as is, any other on a {@code PATH}. */
final class Executables {

    private Executables() {
    }

    /** The program on the launching JVM's own {@code PATH}. */
    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        return find(name, path == null || path.isBlank() ? ProcessSpec.DEFAULT_PATH : path, Path.of(""));
    }

    /**
     * The program as a child with the given {@code PATH} and working directory would find it.
     *
     * @param searchPath a colon-separated list of directories; an empty entry means the working directory
     */
    static Optional<Path> find(String name, String searchPath, Path workingDirectory) {
        if (name.indexOf('/') >= 0) {
            Path program = workingDirectory.resolve(name);
            return isExecutable(program) ? Optional.of(program.toAbsolutePath()) : Optional.empty();
        }
        for (String dir : searchPath.split(File.pathSeparator, -1)) {
            Path program = workingDirectory.resolve(dir.isEmpty() ? "." : dir).resolve(name);
            if (isExecutable(program)) {
                return Optional.of(program.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutable(Path program) {
        return Files.isRegularFile(program) && Files.isExecutable(program);
    }
}
