package darwin.trainer.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.trainer.process.ProcessOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A child's signed report, watched for while the child runs and read once it has ended.
 *
 * <p>As the runner's finished-test it says whether the report is out: the child's
 * {@link Workspace#reported()} marker is there and its output holds a report signed with its key.
 * The output is read once, when the marker first appears; a marker without a report (the
 * variant's doing) leaves the child to end by itself. The runner calls the test on its own thread;
 * {@link #read} is called after the child's process has ended.
 *
 * @param <R> the report's record, {@link TrainReport} or {@link ScoreReport}
 */
final class ReportWatch<R> implements BooleanSupplier {

    private final Workspace workspace;
    private final byte[] key;
    private final String process;
    private final Function<JsonNode, R> reader;
    private boolean judged;
    private Optional<JsonNode> found = Optional.empty();

    /**
     * @param process the child, as in "the training process"
     * @param reader the report's JSON mapping ({@link ReportJson}), which throws
     *     {@link IllegalArgumentException} for a malformed report
     */
    ReportWatch(Workspace workspace, byte[] key, String process, Function<JsonNode, R> reader) {
        this.workspace = workspace;
        this.key = key.clone();
        this.process = process;
        this.reader = reader;
    }

    /** The training child's report. */
    static ReportWatch<TrainReport> training(Workspace workspace, byte[] key) {
        return new ReportWatch<>(workspace, key, "training", ReportJson::readTrain);
    }

    /** The scoring child's report. */
    static ReportWatch<ScoreReport> scoring(Workspace workspace, byte[] key) {
        return new ReportWatch<>(workspace, key, "scoring", ReportJson::readScore);
    }

    @Override
    public boolean getAsBoolean() {
        if (judged || !Files.exists(workspace.reported())) {
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
     * @throws ChildFailure when there is none ({@link UnreportedEnding}), or when it is malformed: a
     *     {@code VIOLATION}, since only code in the child's JVM could sign it
     */
    R read(ProcessOutcome ended, Budget budget) throws ChildFailure {
        Optional<JsonNode> json = found.isPresent() ? found : ChildReport.find(key, read(workspace.stdout()));
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

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
