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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The child processes of one evaluation: the training child paired with its two scoring children
 * (the first scores the held-out windows, the second the rows that check them, see
 * {@link darwin.trainer.measure.ScoringPlan}), started at once and watched until each has reported
 * or ended. The scoring children share nothing: each has its own workspace and sandbox, so neither
 * can remember for the other what it was shown.
 *
 * <p>Handshake, through marker files in the workspaces: each child creates
 * {@link Workspace#engineReady()} once its engine is loaded; the parent creates the training
 * child's {@link Workspace#go()} once all are ready (and the variant's classes are in place), and
 * each scoring child's {@link Workspace#weightsReady()} once it has handed over the trained
 * weights.
 *
 * <p>The training child's time: once it is told to go, the parent gives it no longer than
 * {@link TrainingDeadline} allows for its budget ({@link #awaitTraining}).
 *
 * <p>Concurrency: each child's {@link ProcessRunner#run} blocks a thread of a shared pool of
 * daemon threads while the evaluating thread watches both; {@link #stop} cancels them, which
 * kills a child's tree if it is still running. One evaluating thread uses a pair.
 */
final class ChildPair {

    /** Runs the child processes of evaluations, three per evaluation, while the evaluating thread watches them. */
    private static final ExecutorService CHILDREN = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "child-process");
        thread.setDaemon(true);
        return thread;
    });

    /** A scoring child: its workspace, the watch on its report, and its run. */
    private record Scoring(Workspace workspace, ReportWatch<ScoreReport> reports, Future<ProcessOutcome> run) {
        static Scoring start(ProcessRunner runner, Workspace workspace, ProcessSpec spec, byte[] key) {
            ReportWatch<ScoreReport> reports = ReportWatch.scoring(workspace, key, spec.limits());
            return new Scoring(workspace, reports, CHILDREN.submit(() -> runner.run(spec, reports)));
        }
    }

    private final Workspace train;
    private final ReportWatch<TrainReport> trainReports;
    private final Future<ProcessOutcome> training;
    private final Scoring scoring;
    private final Scoring checking;
    /** Counted down once the training child's runner has returned: its tree is dead. */
    private final CountDownLatch trainingEnded;
    /** When the training child was told to go ({@link System#nanoTime}), or 0 before. */
    private long goNanos;

    private ChildPair(Workspace train, ReportWatch<TrainReport> trainReports, Future<ProcessOutcome> training,
            CountDownLatch trainingEnded, Scoring scoring, Scoring checking) {
        this.train = train;
        this.trainReports = trainReports;
        this.training = training;
        this.trainingEnded = trainingEnded;
        this.scoring = scoring;
        this.checking = checking;
    }

    /** What one scoring child is started with: its workspace, its command and its report key. */
    record ScoringStart(Workspace workspace, ProcessSpec spec, byte[] key) {}

    /**
     * Starts the three children, the scoring children first; each is stopped as soon as its report
     * signed with its key is out.
     *
     * @param scoring the child that scores the held-out windows
     * @param checking the child that scores the rows that check them
     */
    static ChildPair start(ProcessRunner runner, Workspace train, ProcessSpec trainSpec, byte[] trainKey,
            ScoringStart scoring, ScoringStart checking) {
        Scoring scorer = Scoring.start(runner, scoring.workspace(), scoring.spec(), scoring.key());
        Scoring checker = Scoring.start(runner, checking.workspace(), checking.spec(), checking.key());
        ReportWatch<TrainReport> trainReports = ReportWatch.training(train, trainKey, trainSpec.limits());
        CountDownLatch trainingEnded = new CountDownLatch(1);
        Future<ProcessOutcome> training = CHILDREN.submit(() -> {
            try {
                return runner.run(trainSpec, trainReports);
            } finally {
                trainingEnded.countDown();
            }
        });
        return new ChildPair(train, trainReports, training, trainingEnded, scorer, checker);
    }

    /**
     * Waits until every child has loaded its engine, then lets the training child start; or until
     * the training child ended early (its report says why).
     *
     * @throws ChildFailure a failure of the harness when a scoring child ended first, or when they
     *     are not ready within {@code grace}
     */
    void startTogether(Duration grace) throws ChildFailure, IOException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!(UntrustedFile.exists(train.engineReady()) && UntrustedFile.exists(scoring.workspace().engineReady())
                && UntrustedFile.exists(checking.workspace().engineReady()))) {
            if (training.isDone()) {
                return;
            }
            Future<ProcessOutcome> ended = scoring.run().isDone() ? scoring.run() : checking.run().isDone() ? checking.run() : null;
            if (ended != null) {
                ProcessOutcome outcome = await(ended, "scoring");
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

    /** Hands the trained weights to both scoring children, which have been waiting for them. */
    void handOver(byte[] weights) throws IOException {
        for (Workspace score : List.of(scoring.workspace(), checking.workspace())) {
            // a name the parent makes, never one a child made: no link to follow, nothing to overwrite
            Files.write(score.weights(), weights, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            Files.createFile(score.weightsReady());
        }
    }

    /** Waits for the process of the child that scores the held-out windows to end. */
    ProcessOutcome awaitScoring() throws ChildFailure {
        return await(scoring.run(), "scoring");
    }

    /** Waits for the process of the child that scores the checking rows to end. */
    ProcessOutcome awaitChecking() throws ChildFailure {
        return await(checking.run(), "checking");
    }

    /**
     * The report of the child that scores the held-out windows.
     *
     * @throws ChildFailure when it sent none or a malformed one
     * @see ReportWatch#read
     */
    ScoreReport scoreReport(ProcessOutcome scored, Budget budget) throws ChildFailure {
        return scoring.reports().read(scored, budget);
    }

    /**
     * The report of the child that scores the checking rows.
     *
     * @throws ChildFailure when it sent none or a malformed one
     * @see ReportWatch#read
     */
    ScoreReport checkReport(ProcessOutcome checked, Budget budget) throws ChildFailure {
        return checking.reports().read(checked, budget);
    }

    /** Stops every child, with whatever it started, if it is still running. */
    void stop() {
        training.cancel(true);
        scoring.run().cancel(true);
        checking.run().cancel(true);
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
