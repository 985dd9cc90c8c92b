package darwin.runs.memory;

import darwin.memory.query.AttemptFilter;
import picocli.CommandLine.Option;

/** The options that pick attempts: {@code --status}, {@code --tag}, {@code --agent}. */
final class FilterOptions {

    @Option(names = "--status", paramLabel = "S", description = "Only attempts with this status (OK, TIMEOUT, DOES_NOT_COMPILE, …; any case).")
    String status;

    @Option(names = "--tag", paramLabel = "T", description = "Only attempts with this tag.")
    String tag;

    @Option(names = "--agent", paramLabel = "A", description = "Only attempts this agent proposed.")
    String agent;

    AttemptFilter filter() {
        return new AttemptFilter(status, tag, agent);
    }
}
