package darwin.trainer.sandbox;

import ai.djl.ndarray.NDManager;
import darwin.core.EvaluationStatus;
import darwin.trainer.api.LanguageModel;
import darwin.trainer.api.TrainingProgram;
import darwin.trainer.device.Engines;
import darwin.trainer.harness.Scorer;
import darwin.trainer.harness.TrainingSession;
import darwin.trainer.json.JsonObject;
import darwin.trainer.measure.FlopCount;
import darwin.trainer.measure.ScoringBatches;
import java.io.DataInputStream;
import java.nio.file.Files;
import java.util.Optional;

/**
 * The scoring process: builds the variant's untrained model with {@code newModel}, loads the
 * trained weights into it, runs it on the batches it was given with the harness's {@link Scorer},
 * writes the logits to its {@link LogitsFile} and sends a {@link ScoreReport}. It computes no loss
 * and checks nothing the parent believes: it runs the program's code, so the parent judges the
 * logits itself ({@link darwin.trainer.measure.HeldOutEvaluator}).
 *
 * <p>The parent starts it while the variant is still training: it loads the engine, creates
 * {@code engine.ready} and waits for {@code weights.ready}, so that its start-up does not add to
 * the evaluation's time and does not compete with the training for the cores.
 *
 * <p>Arguments ({@link ChildArguments#forScoring}): {@code --entry CLASS --vocabulary V}.
 * Standard input ({@link ChildInput}): the report key, then the token rows to score, in batches.
 * Held-out text reaches this process only through its standard input, read in full into a local
 * variable before any of the variant's code is loaded; it is never written to a file.
 */
public final class ScoreChild {

    private ScoreChild() {}

    public static void main(String[] args) throws Exception {
        DataInputStream in = new DataInputStream(System.in);
        byte[] key = ChildInput.readKey(in);
        ScoringBatches batches = ChildInput.readBatches(in);
        ChildReporter reporter = ChildReporter.onStandardOutput(key);
        ChildArguments arguments = ChildArguments.parse(args);
        Workspace workspace = Workspace.current();
        double engineReady = 0;
        try {
            int vocabulary = Integer.parseInt(arguments.get("vocabulary"));
            reporter.warmUp(ScoreChild::sample, false);
            Engines.load();
            engineReady = ChildReporter.secondsSinceStart();
            // started while the variant trains: say so, then wait for the weights
            Files.createFile(workspace.engineReady());
            while (!Files.exists(workspace.weightsReady())) {
                Thread.sleep(5);
            }
            long scoringStart = System.nanoTime();
            var trained = WeightsFile.read(workspace.weights());
            TrainingProgram program;
            try {
                program = ProgramLoader.load(workspace.readClasses(), arguments.get("entry"));
            } catch (ProgramLoader.LoadException e) {
                reporter.send(new ScoreReport(ReportedFailure.of(e.status(), e.getMessage()), engineReady, Optional.empty()));
                return;
            }
            try (NDManager manager = NDManager.newBaseManager(Engines.defaultDevice())) {
                LanguageModel model;
                try {
                    model = program.newModel(manager, vocabulary);
                    if (model == null) {
                        throw new IllegalStateException("newModel returned null");
                    }
                    WeightsFile.load(trained, model.parameters());
                } catch (IllegalArgumentException | IllegalStateException e) {
                    reporter.send(new ScoreReport(ReportedFailure.of(EvaluationStatus.VIOLATION,
                            "the trained weights do not fit the program's newModel: " + e.getMessage()), engineReady,
                            Optional.empty()));
                    return;
                } catch (RuntimeException | LinkageError e) {
                    reporter.send(new ScoreReport(ReportedFailure.of(EvaluationStatus.RUNTIME_ERROR,
                            "newModel failed: " + TrainingSession.describe(e)), engineReady, Optional.empty()));
                    return;
                }
                long heldOutStart = System.nanoTime();
                Scorer.Result scored;
                try (LogitsFile.Writer logits = LogitsFile.create(workspace.logits(), batches, vocabulary)) {
                    scored = new Scorer(batches, vocabulary).score(model, manager, logits);
                }
                long end = System.nanoTime();
                ScoreReport.Times times = new ScoreReport.Times((end - heldOutStart) / 1e9, (end - scoringStart) / 1e9);
                ScoreReport.Ending ending = scored.failure() != null
                        ? ReportedFailure.of(scored.failure())
                        : new ScoreReport.Scored(scored.flops());
                reporter.send(new ScoreReport(ending, engineReady, Optional.of(times)));
            }
        } catch (Throwable failure) {
            reporter.send(new ScoreReport(ReportedFailure.of(EvaluationStatus.RUNTIME_ERROR,
                    "the scoring process failed: " + TrainingSession.describe(failure)), engineReady, Optional.empty()));
        }
    }

    /** A throw-away report for the warm-up, of the scored kind, whose framing loads what the real one needs. */
    private static JsonObject sample() {
        return ReportWriter.write(new ScoreReport(new ScoreReport.Scored(new FlopCount(1, 1, 1, 1, 1)), 0.5,
                Optional.of(new ScoreReport.Times(0.5, 0.5))));
    }
}
