package darwin.trainer.harness;

import darwin.trainer.api.MetricsSink;
import darwin.trainer.json.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The training curve: the program reports its loss and learning rate, the harness adds the step,
 * tokens and time it observed, and writes one JSON line per step. It also notices a non-finite
 * loss, and keeps the last lines for the result's log tail.
 */
final class CurveLog implements MetricsSink, AutoCloseable {

    /** The message of the exception a failed write of the curve throws (a fault of the harness, not the program). */
    static final String WRITE_FAILURE = "cannot write the training curve";

    private static final int TAIL_LINES = 20;

    private final BudgetTracker tracker;
    private final HarnessBatches batches;
    private final TrainingListener listener;
    private final BufferedWriter out;
    private final Deque<String> tail = new ArrayDeque<>();
    private CurvePoint last;
    private CurvePoint firstNonFinite;

    CurveLog(Path file, BudgetTracker tracker, HarnessBatches batches, TrainingListener listener) throws IOException {
        this.tracker = tracker;
        this.batches = batches;
        this.listener = listener;
        if (file != null) {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } else {
            this.out = null;
        }
    }

    @Override
    public void log(double trainingLoss, double learningRate) {
        CurvePoint point = new CurvePoint(
                tracker.steps(), trainingLoss, learningRate, batches.tokens(), tracker.elapsedSeconds());
        last = point;
        if (!Double.isFinite(trainingLoss) && firstNonFinite == null) {
            firstNonFinite = point;
        }
        String line = toJson(point);
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
        if (out != null) {
            try {
                out.write(line);
                out.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException(WRITE_FAILURE, e);
            }
        }
        listener.onStep(point);
    }

    CurvePoint last() {
        return last;
    }

    CurvePoint firstNonFinite() {
        return firstNonFinite;
    }

    String tail() {
        return String.join("\n", tail);
    }

    /** One line of the curve; a non-finite loss or rate is written as a string, as JSON has no NaN. */
    static String toJson(CurvePoint point) {
        return new JsonObject()
                .put("step", point.step())
                .put("loss", point.loss())
                .put("lr", point.lr())
                .put("tokens", point.tokens())
                .put("elapsed", Math.round(point.elapsed() * 1000) / 1000.0)
                .toString();
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
