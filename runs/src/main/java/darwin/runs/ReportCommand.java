package darwin.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Budget;
import darwin.memory.RunDirectory;
import darwin.runs.config.ConfigException;
import darwin.runs.config.RunSettings;
import darwin.runs.config.RunSettingsLoader;
import darwin.runs.config.Settings;
import darwin.runs.report.ReportPage;
import darwin.runs.report.RunPlan;
import darwin.runs.report.RunRecords;
import darwin.runs.report.RunReport;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code darwin report DIR}: writes the run's HTML report to {@code DIR/report/index.html}. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {"Write a self-contained HTML report of a run to DIR/report/index.html: perplexity and MFU per",
                "generation, the Pareto front, the lineage of the best variant with reasoning and diffs, failures,",
                "LLM cost and pending requests. It reads the run's files only, so it works while the run goes on."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The run's directory.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunDirectory run = new RunDirectory(dir);
        ObjectMapper json = new ObjectMapper();
        RunRecords records = RunRecords.read(run, json);
        RunReport report = RunReport.of(records, plan(records, dir), Clock.systemUTC().instant());
        Path page = ReportPage.write(report, run.report());
        spec.commandLine().getOut().println("report written to " + page);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** What the run's settings planned, with the defaults for what its run.json leaves out. */
    static RunPlan plan(RunRecords records, Path dir) {
        var persisted = records.state().settings();
        try {
            var overrides = RunAssembly.restore(persisted);
            overrides.put(Settings.OUT, dir.toString());
            RunSettings settings = new RunSettingsLoader().load(Optional.empty(), overrides);
            return new RunPlan(settings.population().generations(), settings.population().agents(),
                    budget(settings.budget(), records.budget()), settings.llm().offline() ? "offline catalog"
                            : settings.llm().provider().orElseThrow().id() + " " + settings.llm().model().orElse(""));
        } catch (ConfigException e) {
            // settings this darwin no longer accepts: say what the file says
            return new RunPlan(persisted.path(Settings.GENERATIONS.key()).asInt(records.state().generation()),
                    records.state().members().size(), Settings.budgets().stream().filter(b -> persisted.has(b.key())).findFirst()
                            .map(b -> b.key() + " " + persisted.path(b.key()).asText()).orElse("budget.seconds 20"),
                    persisted.path(Settings.PROVIDER.key()).asText("offline catalog"));
        }
    }

    /** The budget in force, and the configured one when people raised it. */
    static String budget(Budget configured, String inForce) {
        Budget raised;
        try {
            raised = Budget.ofKey(inForce);
        } catch (IllegalArgumentException e) {
            return configured.describe(); // the ledger does not say
        }
        return raised.equals(configured) ? configured.describe()
                : raised.describe() + " (raised from " + configured.describe() + ")";
    }
}
