package darwin.trainer.sandbox;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.trainer.process.ProcessOutcome;
import darwin.trainer.process.ProcessRunner;
import darwin.trainer.process.ProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The two child processes of one evaluation, the training child and the scoring child, started
 * at once and watched until each has reported or ended.
 *
 * <p>Handshake, through marker files in the workspaces: each child creates
 * {@link Workspace#engineReady()} once its engine is loaded; the parent creates the training
 * child's {@link Workspace#go()} once both are ready (and the variant's classes are in place), and
 * the scoring child's {@link Workspace#weightsReady()} once it has handed over the trained weights.
 *
 * <p>The training child's time: once it is told to go, the parent gives it no longer than
 * {@link TrainingDeadline} allows for its budget ({@link #awaitTraining}).
 *
 * <p>Concurrency: each child's {@link ProcessRunner#run} blocks a thread of a shared pool of
 * daemon threads while the evaluating thread watches both; {@link #stop} cancels them, which
 * kills a child's tree if it is still running. One evaluating thread uses a pair.
 */
final class ChildPair {

    /** Runs the child processes of evaluations, two per evaluation, while the evaluating thread watches them. */
    private static final ExecutorService CHILDREN = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "child-process");
        thread.setDaemon(true);
        return thread;
    });

    private final Workspace train;
    private final Workspace score;
    private final ReportWatch<TrainReport> trainReports;
    private final ReportWatch<ScoreReport> scoreReports;
    private final Future<ProcessOutcome> training;
    private final Future<ProcessOutcome> scoring;
    /** Counted down once the training child's runner has returned: its tree is dead. */
    private final CountDownLatch trainingEnded;
    /** When the training child was told to go ({@link System#nanoTime}), or 0 before. */
    private long goNanos;

    private ChildPair(Workspace train, ReportWatch<TrainReport> trainReports, Future<ProcessOutcome> training,
            CountDownLatch trainingEnded, Workspace score, ReportWatch<ScoreReport> scoreReports,
            Future<ProcessOutcome> scoring) {
        this.train = train;
        this.trainReports = trainReports;
        this.training = training;
        this.trainingEnded = trainingEnded;
        this.score = score;
        this.scoreReports = scoreReports;
        this.scoring = scoring;
    }

    /**
     * Starts both children, the scoring child first; each is stopped as soon as its report signed
     * with its key is out.
     */
    static ChildPair start(ProcessRunner runner, Workspace train, ProcessSpec trainSpec, byte[] trainKey, Workspace score,
            ProcessSpec scoreSpec, byte[] scoreKey) {
        ReportWatch<ScoreReport> scoreReports = ReportWatch.scoring(score, scoreKey, scoreSpec.limits());
        ReportWatch<TrainReport> trainReports = ReportWatch.training(train, trainKey, trainSpec.limits());
        Future<ProcessOutcome> scoring = CHILDREN.submit(() -> runner.run(scoreSpec, scoreReports));
        CountDownLatch trainingEnded = new CountDownLatch(1);
        Future<ProcessOutcome> training = CHILDREN.submit(() -> {
            try {
                return runner.run(trainSpec, trainReports);
            } finally {
                trainingEnded.countDown();
            }
        });
        return new ChildPair(train, trainReports, training, trainingEnded, score, scoreReports, scoring);
    }

    /**
     * Waits until both children have loaded their engines, then lets the training child start; or
     * until the training child ended early (its report says why).
     *
     * @throws ChildFailure a failure of the harness when the scoring child ended first, or when
     *     they are not ready within {@code grace}
     */
    void startTogether(Duration grace) throws ChildFailure, IOException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!(UntrustedFile.exists(train.engineReady()) && UntrustedFile.exists(score.engineReady()))) {
            if (training.isDone()) {
                return;
            }
            if (scoring.isDone()) {
                ProcessOutcome outcome = await(scoring, "scoring");
                UnreportedEnding ending = UnreportedEnding.of(outcome);
                throw new ChildFailure(EvaluationResult.harnessFailure(
                        "the scoring process ended before it was ready: " + ending.reason(outcome, "scoring", null),
                        EvaluationLogs.tail(outcome)));
            }
            if (System.nanoTime() > deadline) {
                throw new ChildFailure(EvaluationResult.harnessFailure(
                        "the child processes were not ready within " + grace.toSeconds() + " s", ""));
            }
            pause();
        }
        Files.createFile(train.go());
        goNanos = System.nanoTime();
    }

    /**
     * Waits for the training child's process to end; or, once {@code budget}'s
     * {@link TrainingDeadline} after the word to go has passed, stops it, waits for its tree to
     * die, and ends the evaluation as a {@code TIMEOUT}.
     */
    ProcessOutcome awaitTraining(Budget budget) throws ChildFailure {
        Optional<Duration> limit = TrainingDeadline.afterGo(budget);
        if (limit.isEmpty() || goNanos == 0) {
            return await(training, "training");
        }
        long left = limit.get().toNanos() - (System.nanoTime() - goNanos);
        try {
            return training.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            training.cancel(true); // the runner kills the child's tree
            try {
                trainingEnded.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw new ChildFailure(TrainingDeadline.timedOut(budget, limit.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildFailure(EvaluationResult.harnessFailure("interrupted", ""));
        } catch (ExecutionException e) {
            return await(training, "training"); // says why it could not run
        }
    }

    /**
     * The training child's report.
     *
     * @throws ChildFailure when it sent none or a malformed one
     * @see ReportWatch#read
     */
    TrainReport trainReport(ProcessOutcome trained, Budget budget) throws ChildFailure {
        return trainReports.read(trained, budget);
    }

    /** Hands the trained weights to the scoring child, which has been waiting for them. */
    void handOver(byte[] weights) throws IOException {
        // a name the parent makes, never one a child made: no link to follow, nothing to overwrite
        Files.write(score.weights(), weights, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        Files.createFile(score.weightsReady());
    }

    /** Waits for the scoring child's process to end. */
    ProcessOutcome awaitScoring() throws ChildFailure {
        return await(scoring, "scoring");
    }

    /**
     * The scoring child's report.
     *
     * @throws ChildFailure when it sent none or a malformed one
     * @see ReportWatch#read
     */
    ScoreReport scoreReport(ProcessOutcome scored, Budget budget) throws ChildFailure {
        return scoreReports.read(scored, budget);
    }

    /** Stops both children, with whatever they started, if they are still running. */
    void stop() {
        training.cancel(true);
        scoring.cancel(true);
    }

    private static void pause() throws ChildFailure {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildFailure(EvaluationResult.harnessFailure("interrupted", ""));
        }
    }

    private static ProcessOutcome await(Future<ProcessOutcome> child, String process) throws ChildFailure {
        try {
            return child.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildFailure(EvaluationResult.harnessFailure("interrupted", ""));
        } catch (ExecutionException e) {
            throw new ChildFailure(EvaluationResult.harnessFailure(
                    "cannot run the " + process + " process: " + e.getCause().getMessage(), ""));
        }
    }
}
