package darwin.runs.serve;

import darwin.memory.Request;
import darwin.memory.RunState;
import darwin.memory.Suggestion;
import darwin.runs.config.RunSettings;
import darwin.runs.report.RunPlan;
import darwin.runs.report.RunRecords;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * What the page asks of the command line's code, so that the page decides and reads a run exactly
 * as {@code darwin requests}, {@code darwin suggest} and {@code darwin report} do, through the same
 * locked files, without this package depending on the commands' package (which starts the page).
 */
public interface RunDesk {

    /** The run's request with this id, if it has one. */
    Optional<Request> find(String id);

    /**
     * Approves a request with a value given as text, saying what it stored on {@code out}.
     *
     * @throws IllegalStateException when the request is decided already
     * @throws IllegalArgumentException when the value is one the run could not apply, or there is no such request
     */
    Request approve(String id, String note, String value, PrintWriter out);

    /**
     * Denies a request.
     *
     * @throws IllegalStateException when the request is decided already
     * @throws IllegalArgumentException when there is no such request
     */
    Request deny(String id, String note);

    /**
     * Writes a suggestion to {@code agent}, or to every agent when it is {@code null}.
     *
     * @throws IllegalArgumentException when the text is empty or the agent unknown
     */
    Suggestion suggest(String agent, String text);

    /** The run's plan (generations, agents, budget, mutator) from its records. */
    RunPlan plan(RunRecords records);

    /**
     * The run's settings as its checkpoint keeps them.
     *
     * @throws RuntimeException when this darwin no longer reads them
     */
    RunSettings settings(RunState state);
}
