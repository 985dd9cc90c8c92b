package darwin.runs.config;

import java.nio.file.Path;

/**
 * Where a run lives, and whether it waits for people.
 *
 * @param out the run's directory
 * @param awaitApproval whether the run waits for pending upgrade requests to be decided before
 *     each generation
 */
public record RunControl(Path out, boolean awaitApproval) {

    public RunControl {
        Settings.OUT.check(out);
    }
}
