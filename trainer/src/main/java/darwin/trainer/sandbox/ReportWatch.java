package darwin.trainer.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.trainer.process.ProcessOutcome;
import darwin.trainer.process.ResourceLimits;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A child's signed report, watched for while the child runs and read once it has ended.
 *
 * <p>As the runner's finished-test it says whether the report is out: the child's
 * {@link Workspace#reported()} marker is there and its output holds a report signed with its key.
 * The output is read once, when the marker first appears, and never more than
 * {@link #REPORT_WINDOW} of it; a marker without a report (the variant's doing) leaves the child
 * to end by itself. A child that went over a limit fails with a {@code VIOLATION} that names it,
 * whatever it reported ({@link LimitFailure}). The runner calls the test on its own thread;
 * {@link #read} is called after the child's process has ended.
 *
 * @param <R> the report's record, {@link TrainReport} or {@link ScoreReport}
 */
final class ReportWatch<R> implements BooleanSupplier {

    /** How much of a child's output is searched for its report: the report comes last, and is far smaller. */
    static final int REPORT_WINDOW = 4 << 20;

    private final Workspace workspace;
    private final byte[] key;
    private final String process;
    private final Function<JsonNode, R> reader;
    private final ResourceLimits limits;
    private boolean judged;
    private Optional<JsonNode> found = Optional.empty();

    /**
     * @param process the child, as in "the training process"
     * @param reader the report's JSON mapping ({@link ReportJson}), which throws
     *     {@link IllegalArgumentException} for a malformed report
     */
    ReportWatch(Workspace workspace, byte[] key, String process, Function<JsonNode, R> reader, ResourceLimits limits) {
        this.workspace = workspace;
        this.key = key.clone();
        this.process = process;
        this.reader = reader;
        this.limits = limits;
    }

    /** The training child's report; the child runs under {@code limits}. */
    static ReportWatch<TrainReport> training(Workspace workspace, byte[] key, ResourceLimits limits) {
        return new ReportWatch<>(workspace, key, "training", ReportJson::readTrain, limits);
    }

    /** The scoring child's report; the child runs under {@code limits}. */
    static ReportWatch<ScoreReport> scoring(Workspace workspace, byte[] key, ResourceLimits limits) {
        return new ReportWatch<>(workspace, key, "scoring", ReportJson::readScore, limits);
    }

    @Override
    public boolean getAsBoolean() {
        if (judged || !UntrustedFile.exists(workspace.reported())) {
            return false;
        }
        judged = true;
        found = ChildReport.find(key, read(workspace.stdout()));
        return found.isPresent();
    }

    /**
     * The report of the child whose process ended as {@code ended}.
     *
     * @param budget the budget its limit was counted from, named when it timed out; or {@code null}
     * @throws ChildFailure when the child went over a limit ({@link LimitFailure}), when there is
     *     no report ({@link UnreportedEnding}), or when it is malformed: a {@code VIOLATION}, since
     *     only code in the child's JVM could sign it
     */
    R read(ProcessOutcome ended, Budget budget) throws ChildFailure {
        Optional<JsonNode> json = found.isPresent() ? found : ChildReport.find(key, read(workspace.stdout()));
        String failure = json.map(report -> report.has("reason") ? report.path("reason").asText("") : null).orElse("");
        Optional<EvaluationResult> breach = LimitFailure.of(ended, process, limits, failure);
        if (breach.isPresent()) {
            throw new ChildFailure(breach.get());
        }
        if (json.isEmpty()) {
            throw new ChildFailure(UnreportedEnding.of(ended).result(ended, process, budget));
        }
        try {
            return reader.apply(json.get());
        } catch (IllegalArgumentException e) {
            throw new ChildFailure(EvaluationResult.failed(EvaluationStatus.VIOLATION,
                    "the " + process + " process's report is malformed: " + e.getMessage(), EvaluationLogs.tail(ended)));
        }
    }

    /**
     * The child's standard output as far as a report can be in it: its head and the last
     * {@link #REPORT_WINDOW} bytes or so. The file lies beside the workspace, out of a sandboxed
     * child's reach; it is still read as an {@link UntrustedFile}, for a child without a sandbox.
     */
    private static String read(Path file) {
        return UntrustedFile.textOrWhy(file, REPORT_WINDOW);
    }
}
