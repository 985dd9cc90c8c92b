package darwin.runs.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a run lives, and whether it waits for people.
 *
 * @param out the run's directory
 * @param awaitApproval whether the run waits for pending upgrade requests to be decided before
 *     each generation
 * @param libraries the libraries people may approve, as Maven coordinates
 * @param mavenRepository where an approved library's jar is found
 */
public record RunControl(Path out, boolean awaitApproval, List<String> libraries, Path mavenRepository) {

    public RunControl {
        Settings.OUT.check(out);
        libraries = List.copyOf(libraries);
    }
}
