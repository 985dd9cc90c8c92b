package darwin.trainer.sandbox;

import ai.djl.ndarray.NDManager;
import darwin.core.Budget;
import darwin.core.EvaluationStatus;
import darwin.program.NanoGpt;
import darwin.trainer.api.BudgetExhaustedException;
import darwin.trainer.api.TrainingProgram;
import darwin.trainer.data.TokenSampler;
import darwin.trainer.device.Engines;
import darwin.trainer.harness.TimeGrace;
import darwin.trainer.harness.TokenGrant;
import darwin.trainer.harness.TrainingListener;
import darwin.trainer.harness.TrainingOutcome;
import darwin.trainer.harness.TrainingSession;
import darwin.trainer.json.JsonObject;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The training process: reads its training tokens, loads the engine, waits for the parent's word
 * that the variant's classes are in place, loads them, grants the budget as tokens where it is counted in FLOPs or equal time
 * ({@link TokenGrant}: for equal time, speed probes of the variant against the seed, whose classes
 * are the harness's own and coexist with the variant's in their {@link VariantClassLoader}), trains
 * the program under the budget with the harness's training session, saves the returned model's
 * weights, and sends a {@link TrainReport} of what the harness counted. Started by
 * {@link SandboxEvaluator}; its working directory is its {@link Workspace}.
 *
 * <p>Arguments ({@link ChildArguments#forTraining}): {@code --entry CLASS --budget KEY --seed N
 * --vocabulary V}, and for an equal-time budget {@code --reference-throughput TOKENS_PER_SECOND}.
 * Standard input ({@link ChildInput}): the report key, then the training tokens, read whole into
 * this process's memory before any of the variant's code loads; no file holds them.
 *
 * <p>The clock: the program's time starts before its classes load, so that static initialisers and
 * the constructor count as its {@code train} call does (and under a FLOPs budget the
 * {@code newModel} that counts its FLOPs); only the equal-time speed probes, the harness's own
 * measurement of the program, are timed apart. Under a time budget a program that returns past
 * the budget and its {@link darwin.trainer.harness.TimeGrace} is a {@code TIMEOUT}
 * ({@link TrainingSession}); the parent stops one that does not return ({@link TrainingDeadline}).
 */
public final class TrainChild {

    private TrainChild() {}

    public static void main(String[] args) throws Exception {
        // the key and the training tokens first, before any of the variant's code can run; then
        // standard input is closed, so that no descriptor leads back to the pipe
        DataInputStream in = new DataInputStream(System.in);
        byte[] key = ChildInput.readKey(in);
        int[] tokens = ChildInput.readTokens(in);
        in.close();
        ChildReporter reporter = ChildReporter.onStandardOutput(key);
        rehearseFailure(reporter);
        ChildArguments arguments = ChildArguments.parse(args);
        Workspace workspace = Workspace.current();
        long trainingTokens = tokens.length;
        double engineReady = 0;
        Optional<String> logTail = Optional.empty();
        try {
            Budget budget = Budget.ofKey(arguments.get("budget"));
            long seed = Long.parseLong(arguments.get("seed"));
            int vocabulary = Integer.parseInt(arguments.get("vocabulary"));
            double referenceThroughput = Double.parseDouble(arguments.get("reference-throughput", "0"));
            reporter.warmUp(TrainChild::sample, true);
            Engines.load();
            engineReady = ChildReporter.secondsSinceStart();
            // ready: wait for the parent's word, given once the variant's classes are in the workspace
            // (the parent compiles them while the engines load) and the scoring process is ready too
            Files.createFile(workspace.engineReady());
            while (!Files.exists(workspace.go())) {
                Thread.sleep(2);
            }
            Map<String, byte[]> classes = workspace.readClasses();
            // the program's clock starts here: its classes' loading, static initialisers and
            // constructor count, as its train call does
            long clockStart = System.nanoTime();
            TrainingProgram program;
            try {
                program = ProgramLoader.load(classes, arguments.get("entry"));
            } catch (ProgramLoader.LoadException e) {
                reporter.send(new TrainReport(ReportedFailure.of(e.status(), e.getMessage()), trainingTokens, engineReady,
                        Optional.empty()));
                return;
            }
            double loadSeconds = (System.nanoTime() - clockStart) / 1e9;
            try (NDManager manager = NDManager.newBaseManager(Engines.defaultDevice())) {
                TrainingSession session = new TrainingSession(manager.getDevice(), vocabulary);
                TokenGrant.Grant grant = new TokenGrant(session, vocabulary, new NanoGpt(), referenceThroughput)
                        .grant(program, manager, budget, seed, TrainingListener.NONE);
                if (grant.failure() != null) {
                    reporter.send(new TrainReport(ReportedFailure.of(grant.failure()), trainingTokens, engineReady,
                            Optional.of(grant.failure().logTail())));
                    return;
                }
                // speed probes are the harness's measurement, timed on their own; the rest counts
                double before = grant.speed() != null ? loadSeconds : (System.nanoTime() - clockStart) / 1e9;
                TrainingOutcome outcome = session.train(program, manager, new TokenSampler(tokens, seed), grant.budget(), seed,
                        workspace.curve(), TrainingListener.NONE, before);
                logTail = Optional.of(outcome.logTail());
                reporter.send(new TrainReport(ending(outcome, grant, workspace, reporter), trainingTokens, engineReady, logTail));
            }
        } catch (Throwable failure) {
            reporter.send(new TrainReport(ReportedFailure.of(EvaluationStatus.RUNTIME_ERROR,
                    "the training process failed: " + TrainingSession.describe(failure)), trainingTokens, engineReady, logTail));
        }
    }

    /**
     * How the training ended: trained, once its parameters are saved, or failed.
     *
     * @throws IOException when the weights file cannot be written (the process's failure)
     */
    private static TrainReport.Ending ending(TrainingOutcome outcome, TokenGrant.Grant grant, Workspace workspace,
            ChildReporter reporter) throws IOException {
        if (!outcome.trained()) {
            return ReportedFailure.of(outcome.failure());
        }
        byte[] weights;
        try {
            weights = WeightsFile.write(outcome.model().parameters(), workspace.weights());
        } catch (RuntimeException e) {
            return ReportedFailure.of(EvaluationStatus.RUNTIME_ERROR,
                    "cannot save the trained model's parameters: " + TrainingSession.describe(e));
        }
        // the hash of what was written, not of the file, which a leftover thread could replace
        return new TrainReport.Trained(outcome.steps(), outcome.tokens(), outcome.trainSeconds(), GrantReport.of(grant),
                reporter.sha256(weights));
    }

    /**
     * Goes once through what reporting a program's failure takes, and loads and initialises the
     * classes it only names, before any of the variant's code runs. A class in a folder (a build's
     * {@code target/classes}) needs a file descriptor to load, and a program that took every one
     * it may hold would otherwise leave the harness unable to load the classes that report its
     * failure, which would then end as a {@code NoClassDefFoundError} instead of naming the
     * open-file limit.
     */
    private static void rehearseFailure(ChildReporter reporter) throws ClassNotFoundException {
        for (Class<?> named : List.of(Budget.Seconds.class, TimeGrace.class, BudgetExhaustedException.class,
                UncheckedIOException.class, TrainingOutcome.class)) {
            Class.forName(named.getName(), true, named.getClassLoader());
        }
        IOException noDescriptor = new IOException("Too many open files");
        TrainingOutcome failed = new TrainingOutcome(null, TrainingSession.classify(noDescriptor).withLogTail("tail"), 0, 0, 0,
                "tail");
        reporter.rehearse(new TrainReport(ReportedFailure.of(failed.failure()), 1, 0.5, Optional.of(failed.logTail())));
        reporter.rehearse(new TrainReport(ReportedFailure.of(EvaluationStatus.RUNTIME_ERROR,
                "the training process failed: " + TrainingSession.describe(noDescriptor)), 1, 0.5, Optional.empty()));
    }

    /** A throw-away report for the warm-up, of the trained kind, whose framing loads what the real one needs. */
    private static JsonObject sample() {
        return ReportWriter.write(new TrainReport(new TrainReport.Trained(1, 1, 0.5, GrantReport.NONE, "0".repeat(64)), 1, 0.5,
                Optional.of("")));
    }
}
