package darwin.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Budget;
import darwin.memory.RequestBook;
import darwin.memory.RequestStatus;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import darwin.population.upgrade.UpgradeReader;
import darwin.runs.config.RunSettings;
import darwin.runs.config.RunSettingsLoader;
import darwin.runs.config.Settings;
import darwin.runs.report.RunPlan;
import darwin.runs.report.RunRecords;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * A run's directory as the commands that read or change a run (live or stopped) open it, and as
 * the live page ({@code darwin.runs.serve}) reads its settings and plan.
 */
public record RunFiles(RunDirectory run, RunState state, ObjectMapper json) {

    /**
     * Opens the run in {@code dir}.
     *
     * @throws IllegalArgumentException when {@code dir} holds no run
     */
    public static RunFiles open(Path dir) {
        RunDirectory run = new RunDirectory(dir).requireRun();
        ObjectMapper json = new ObjectMapper();
        return new RunFiles(run, RunState.load(run.state(), json), json);
    }

    /** The run's settings, as {@code run.json} keeps them. */
    public RunSettings settings() {
        var overrides = RunAssembly.restore(state.settings());
        overrides.put(Settings.OUT, run.root().toString());
        return new RunSettingsLoader().load(Optional.empty(), overrides);
    }

    public RequestBook requests() {
        return new RequestBook(run.requests(), json, Clock.systemUTC());
    }

    /**
     * The budget the run's next generation will have: the configured one, raised by every
     * {@code BUDGET} request applied or approved so far.
     */
    public Budget budget() {
        return UpgradeReader.raised(settings().budget(), requests().all().stream()
                .filter(r -> r.status() == RequestStatus.APPLIED || r.status() == RequestStatus.APPROVED).toList());
    }

    /** What the run's settings planned, as the report states it (with defaults for what an older run.json leaves out). */
    public RunPlan plan(RunRecords records) {
        return ReportCommand.plan(records, run.root());
    }
}
