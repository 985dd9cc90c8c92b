package darwin.runs.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Metrics;
import darwin.core.Sleeper;
import darwin.core.Variant;
import darwin.memory.ledger.ClusterJob;
import darwin.memory.ledger.JobFinished;
import darwin.memory.ledger.JobRerun;
import darwin.memory.ledger.JobSubmitted;
import darwin.runs.config.Size;
import darwin.runs.config.SlurmSettings;
import darwin.runs.slurm.FakeScheduler.Answers;
import darwin.runs.slurm.FakeScheduler.Dies;
import darwin.runs.slurm.FakeScheduler.RequeuedThenAnswers;
import darwin.trainer.cache.ResultKey;
import darwin.trainer.harness.TrainingListener;
import darwin.trainer.sandbox.SandboxSettings;
import darwin.trainer.variant.SeedVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor's way through a scheduler's answers and faults, against a scheduler that plays them. */
class SlurmExecutorTest {

    private static final Variant SEED = SeedVariant.variant();
    private static final Budget BUDGET = Budget.steps(2);
    private static final long SEED_NUMBER = 7;
    private static final ResultKey KEY = new ResultKey(SEED.id(), BUDGET, SEED_NUMBER, "cpu");
    private static final EvaluationResult OK = EvaluationResult.ok(new Metrics(2.5, Math.exp(2.5), 0.03, 1000, 30_000, 2,
            800_000, 5e6, 1e11, 35, 30, "cpu"), "step 2 loss 2.5\n");

    @TempDir
    Path shared;

    private SlurmExecutor executor(FakeScheduler scheduler, JobLog log, Sleeper sleeper) {
        SlurmSettings settings = new SlurmSettings(2, Optional.of("debug"), Optional.empty(), Optional.empty(),
                Optional.empty(), 1, Size.gigabytes(1), List.of("--exclusive"), Optional.empty(), shared,
                Duration.ofMinutes(1), 3, Duration.ofMillis(200));
        return new SlurmExecutor(scheduler, settings, SandboxSettings.defaults().withThreads(1), "cpu", "/runs/a",
                new JobScript(Path.of("/opt/jdk/bin/java"), List.of("/opt/darwin/darwin.jar"), Optional.of("module load java")),
                log, TrainingListener.NONE, sleeper);
    }

    private SlurmExecutor executor(FakeScheduler scheduler, JobLog log) {
        return executor(scheduler, log, duration -> scheduler.step());
    }

    private static JobLog log() {
        return new JobLog(List.of(), () -> null);
    }

    private static List<Class<?>> kinds(JobLog log) {
        return log.events().stream().<Class<?>>map(Object::getClass).toList();
    }

    private static EvaluationResult evaluate(SlurmExecutor executor) {
        return executor.evaluate(SEED, BUDGET, SEED_NUMBER, null);
    }

    @Test
    void aJobsSignedResultIsTheEvaluationsAndItsAttemptIsRecorded() throws Exception {
        FakeScheduler scheduler = new FakeScheduler(KEY, new Answers(OK));
        JobLog log = log();
        SlurmExecutor executor = executor(scheduler, log);
        assertEquals(OK, evaluate(executor));
        assertEquals(1, scheduler.submitted().size());
        assertEquals(List.of(JobSubmitted.class, JobFinished.class), kinds(log));
        String name = executor.jobName(KEY);
        assertTrue(name.matches("darwin-[0-9a-f]{16}"), name);
        JobFolder folder = executor.folder(name);
        assertEquals(SEED.id(), folder.readOrder().key().variantId());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.dir().resolve("secret"))));
        String script = Files.readString(folder.script());
        assertTrue(script.contains("module load java\n") && script.contains("evaluation-job '" + folder.dir() + "'"), script);
        assertTrue(executor.inFlight().isEmpty());
    }

    @Test
    void theSameEvaluationOfAnotherRunIsAnotherJob() {
        FakeScheduler scheduler = new FakeScheduler(KEY);
        SlurmExecutor mine = executor(scheduler, log());
        SlurmSettings settings = new SlurmSettings(2, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                1, Size.gigabytes(1), List.of(), Optional.empty(), shared, Duration.ofMinutes(1), 3, Duration.ofMillis(200));
        SlurmExecutor other = new SlurmExecutor(scheduler, settings, SandboxSettings.defaults().withThreads(1), "cpu",
                "/runs/b", new JobScript(Path.of("java"), List.of("x.jar"), Optional.empty()), log(), TrainingListener.NONE,
                Sleeper.SYSTEM);
        assertEquals(mine.jobName(KEY), mine.jobName(KEY));
        assertFalse(mine.jobName(KEY).equals(other.jobName(KEY)));
        assertFalse(mine.jobName(KEY).equals(mine.jobName(new ResultKey(SEED.id(), BUDGET, 8, "cpu"))));
    }

    @Test
    void aPreemptedJobIsRunAgainAndBothAttemptsAreInTheLedger() {
        FakeScheduler scheduler = new FakeScheduler(KEY, new Dies(JobState.PREEMPTED), new Answers(OK));
        JobLog log = log();
        assertEquals(OK, evaluate(executor(scheduler, log)));
        assertEquals(2, scheduler.submitted().size());
        assertEquals(List.of(JobSubmitted.class, JobRerun.class, JobSubmitted.class, JobFinished.class), kinds(log));
        assertEquals("PREEMPTED", ((JobRerun) log.events().get(1)).state());
        assertEquals(List.of(1, 1, 2, 2), log.events().stream().map(ClusterJob::attempt).toList());
    }

    @Test
    void aRequeueUnderTheSameIdIsAnotherAttempt() {
        FakeScheduler scheduler = new FakeScheduler(KEY, new RequeuedThenAnswers(OK));
        JobLog log = log();
        assertEquals(OK, evaluate(executor(scheduler, log)));
        assertEquals(1, scheduler.submitted().size(), "Slurm ran it again itself");
        assertEquals(List.of(JobSubmitted.class, JobRerun.class, JobSubmitted.class, JobFinished.class), kinds(log));
        assertEquals(1, log.events().stream().map(ClusterJob::jobId).distinct().count());
        assertEquals(2, log.events().getLast().attempt());
    }

    @Test
    void aVariantsOwnTimeoutKeepsItsStatusAndIsNotRunAgain() {
        EvaluationResult timeout = EvaluationResult.failed(EvaluationStatus.TIMEOUT, "training ran past its limit", "");
        FakeScheduler scheduler = new FakeScheduler(KEY, new Answers(timeout), new Answers(OK));
        JobLog log = log();
        assertEquals(timeout, evaluate(executor(scheduler, log)));
        assertEquals(1, scheduler.submitted().size());
        assertEquals("TIMEOUT", ((JobFinished) log.events().getLast()).status());
    }

    @Test
    void aSubmissionWhoseAnswerWasLostIsFoundByItsNameAndNotSubmittedTwice() {
        FakeScheduler scheduler = new FakeScheduler(KEY, new Answers(OK));
        scheduler.answersToLose = 1;
        JobLog log = log();
        assertEquals(OK, evaluate(executor(scheduler, log)));
        assertEquals(1, scheduler.submitted().size());
        assertEquals(List.of(JobSubmitted.class, JobFinished.class), kinds(log));
    }

    @Test
    void aResumedRunReattachesToTheJobItsLedgerHoldsOpen() throws Exception {
        FakeScheduler scheduler = new FakeScheduler(KEY);
        SlurmExecutor first = executor(scheduler, log());
        String name = first.jobName(KEY);
        first.folder(name).secret();
        String id = scheduler.held(name, first.folder(name).dir(), new Answers(OK), JobState.RUNNING);
        JobLog resumed = new JobLog(List.of(new JobSubmitted(name, id, 1, SEED.id(), BUDGET.key(), SEED_NUMBER)), () -> null);
        assertEquals(OK, evaluate(executor(scheduler, resumed)));
        assertEquals(List.of(id), scheduler.submitted(), "nothing submitted again");
        assertEquals(new JobFinished(name, id, 1, "OK", OK.reason()), resumed.events().getLast());
    }

    @Test
    void aResultWrittenWhileTheLoopWasDownIsReadWithoutSubmitting() throws Exception {
        FakeScheduler scheduler = new FakeScheduler(KEY, new Answers(OK));
        SlurmExecutor executor = executor(scheduler, log());
        JobFolder folder = executor.folder(executor.jobName(KEY));
        folder.writeResult(folder.secret(), KEY, OK);
        assertEquals(OK, evaluate(executor));
        assertTrue(scheduler.submitted().isEmpty());
    }

    @Test
    void aResultSignedWithAnotherKeyIsNotBelieved() throws Exception {
        FakeScheduler scheduler = new FakeScheduler(KEY, new Answers(OK));
        SlurmExecutor executor = executor(scheduler, log());
        JobFolder folder = executor.folder(executor.jobName(KEY));
        folder.secret();
        EvaluationResult forged = EvaluationResult.ok(new Metrics(0.1, Math.exp(0.1), 0.9, 1000, 30_000, 2, 800_000, 5e6,
                1e11, 35, 30, "cpu"), "");
        folder.writeResult(new byte[32], KEY, forged);
        assertEquals(OK, evaluate(executor));
        assertEquals(1, scheduler.submitted().size());
    }

    @Test
    void aJobThatNeverAnswersGivesUpAfterItsAttemptsAsAFailureOfTheHarness() {
        FakeScheduler scheduler = new FakeScheduler(KEY, new Dies(JobState.NODE_FAIL), new Dies(JobState.FAILED),
                new Dies(JobState.VANISHED));
        JobLog log = log();
        EvaluationResult result = evaluate(executor(scheduler, log));
        assertTrue(result.harnessFailure(), result.toString());
        assertTrue(result.reason().contains("evaluation.slurm.attempts"), result.reason());
        assertEquals(3, scheduler.submitted().size());
        assertEquals(List.of(JobSubmitted.class, JobRerun.class, JobSubmitted.class, JobRerun.class, JobSubmitted.class,
                JobFinished.class), kinds(log));
    }

    @Test
    void anInterruptedWaitCancelsItsJob() {
        FakeScheduler scheduler = new FakeScheduler(KEY, new Dies(JobState.FAILED));
        AtomicInteger waits = new AtomicInteger();
        SlurmExecutor executor = executor(scheduler, log(), duration -> {
            if (waits.incrementAndGet() == 1) {
                throw new InterruptedException();
            }
        });
        EvaluationResult result = evaluate(executor);
        assertTrue(Thread.interrupted(), "the interrupt is kept");
        assertTrue(result.harnessFailure(), result.toString());
        assertEquals(scheduler.submitted(), scheduler.cancelled);
        assertTrue(executor.inFlight().isEmpty());
    }

    @Test
    void theJobAsksForTheBudgetsLimitAndTheMarginAndTheSettingsResources() {
        JobRequest request = executor(new FakeScheduler(KEY), log()).request(KEY);
        List<String> args = request.sbatchArguments();
        // steps: the sandbox's wall limit of 60 min, scoring's 10, the grace's 1, and the margin's 1
        assertTrue(args.contains("--time=72"), args.toString());
        assertTrue(args.containsAll(List.of("--parsable", "--job-name=" + request.name(), "--cpus-per-task=1",
                "--mem=1024M", "--partition=debug", "--exclusive")), args.toString());
        assertEquals(request.script().toString(), args.getLast());
    }
}
