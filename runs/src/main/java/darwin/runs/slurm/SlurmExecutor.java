package darwin.runs.slurm;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.Sleeper;
import darwin.core.Variant;
import darwin.memory.ledger.JobFinished;
import darwin.memory.ledger.JobRerun;
import darwin.memory.ledger.JobSubmitted;
import darwin.runs.config.SlurmSettings;
import darwin.trainer.cache.ResultKey;
import darwin.trainer.harness.TrainingListener;
import darwin.trainer.sandbox.LocalEvaluator;
import darwin.trainer.sandbox.SandboxSettings;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates one variant as a Slurm batch job: the slot evaluation of a {@link LocalEvaluator}
 * whose slots are the most jobs at once, so that the loop, the result cache, the statuses and
 * resume are the same as with local slots. The job runs darwin's hidden
 * {@link EvaluationJobCommand} on its node, which evaluates in the same sandbox and writes the
 * result, signed, into the job's {@link JobFolder}; this side reads it only when the signature
 * holds.
 *
 * <p>Once per evaluation: a job is named after the run and the evaluation's key (variant, budget,
 * seed, device). Before submitting, the executor looks for the evaluation's answer (a result a job
 * wrote while the loop was down), for the attempt the ledger says is open and still queued or
 * running ({@code darwin resume} re-attaches to it), and for a job of that name the scheduler holds
 * (a submission whose answer was lost); only then does it submit, with {@code sbatch --parsable}.
 *
 * <p>Attempts: a job that ends without a result (preempted, cancelled by someone else, a failed
 * node, a time limit, a job the scheduler forgot) is run again, up to
 * {@code evaluation.slurm.attempts}, each attempt recorded in the ledger ({@link JobSubmitted},
 * {@link JobRerun}, {@link JobFinished}); a requeue by the scheduler, under the same id, is an
 * attempt too. A variant's own failure ({@code TIMEOUT}, {@code OUT_OF_MEMORY}, …) is a result like
 * any other, and keeps its status. The job's time limit is the evaluation's own limit plus
 * {@code evaluation.slurm.time-margin}.
 *
 * <p>Watching: the result file is looked for every {@value #CHECK_MILLIS} ms, and the scheduler
 * asked every {@code evaluation.slurm.poll}; a scheduler that does not answer is asked again. A
 * job still queued or running when the run stops (an interrupted wait, or the JVM shutting down)
 * is cancelled with {@code scancel}; after a SIGKILL, nothing can be, and a resume re-attaches.
 *
 * <p>Concurrency: one instance serves all of a run's evaluation threads; each evaluation keeps its
 * state on its own thread, and the jobs in flight are held in a concurrent set.
 */
public final class SlurmExecutor implements LocalEvaluator.SlotEvaluation {

    private static final System.Logger LOG = System.getLogger(SlurmExecutor.class.getName());

    /** How often the result file is looked for. */
    static final long CHECK_MILLIS = 100;

    /** How long a job that ended COMPLETED is given for its result to show on a shared file system. */
    static final Duration SETTLE = Duration.ofSeconds(30);

    /** Tries of a submission that sbatch did not confirm. */
    private static final int SUBMIT_TRIES = 3;

    private final Scheduler scheduler;
    private final SlurmSettings settings;
    private final SandboxSettings sandbox;
    private final String device;
    private final String runTag;
    private final JobScript script;
    private final JobLog log;
    private final TrainingListener listener;
    private final Sleeper sleeper;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    /**
     * @param sandbox the sandbox each job evaluates in (threads, limits, resources)
     * @param device the device of the results' keys
     * @param runTag what tells this run's jobs from another run's of the same evaluation (the run's
     *     absolute directory)
     */
    public SlurmExecutor(Scheduler scheduler, SlurmSettings settings, SandboxSettings sandbox, String device, String runTag,
            JobScript script, JobLog log, TrainingListener listener, Sleeper sleeper) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.device = Objects.requireNonNull(device, "device");
        this.runTag = Objects.requireNonNull(runTag, "runTag");
        this.script = Objects.requireNonNull(script, "script");
        this.log = Objects.requireNonNull(log, "log");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** The name of the job that evaluates {@code key} for this run: {@code darwin-} and 16 hex digits. */
    public String jobName(ResultKey key) {
        String identity = String.join("|", runTag, key.variantId(), key.budget().key(), Long.toString(key.seed()),
                key.device());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "darwin-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** The folder of the job {@code name}. */
    public JobFolder folder(String name) {
        return new JobFolder(settings.shared().resolve(name));
    }

    /** The job that would evaluate {@code key}, as sbatch is asked for it. */
    public JobRequest request(ResultKey key) {
        JobFolder folder = folder(jobName(key));
        Duration limit = JobOrder.of(key, sandbox).evaluationLimit().plus(settings.timeMargin());
        return new JobRequest(jobName(key), folder.script(), folder.output(), limit, settings.cpus(),
                settings.memory().bytes(), settings.partition(), settings.account(), settings.qos(), settings.gres(),
                settings.extraArgs());
    }

    @Override
    public EvaluationResult evaluate(Variant variant, Budget budget, long seed, Path logs) {
        ResultKey key = new ResultKey(variant.id(), budget, seed, device);
        String name = jobName(key);
        JobFolder folder = folder(name);
        try {
            EvaluationResult result = new Evaluation(variant, key, name, folder).run();
            try {
                folder.copyLogs(logs);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot copy the logs of job " + name + " to " + logs + ": " + e.getMessage());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EvaluationResult.harnessFailure("the wait for job " + name + " was interrupted, and the job cancelled", "");
        } catch (SchedulerException | IOException e) {
            return EvaluationResult.harnessFailure("the evaluation's job " + name + " failed: " + e.getMessage(),
                    folder.outputTail());
        }
    }

    /** Cancels every job still queued or running for this executor: the run stops. */
    public void cancelAll() {
        List<String> ids = List.copyOf(inFlight);
        if (ids.isEmpty()) {
            return;
        }
        try {
            scheduler.cancel(ids);
            inFlight.removeAll(ids);
        } catch (SchedulerException e) {
            LOG.log(Level.WARNING, "could not cancel the run's jobs " + String.join(", ", ids) + ": " + e.getMessage());
        }
    }

    /** The ids of the jobs this executor is waiting for. */
    public Set<String> inFlight() {
        return Set.copyOf(inFlight);
    }

    /** A job being watched: its id, the attempt it runs, and the scheduler's restart count last seen. */
    private static final class Job {
        final String id;
        int attempt;
        int restarts;

        Job(String id, int attempt, int restarts) {
            this.id = id;
            this.attempt = attempt;
            this.restarts = restarts;
        }
    }

    /** One evaluation's way through its attempts, on the calling thread. */
    private final class Evaluation {
        private final Variant variant;
        private final ResultKey key;
        private final String name;
        private final JobFolder folder;
        private byte[] secret;
        private int failures;

        Evaluation(Variant variant, ResultKey key, String name, JobFolder folder) {
            this.variant = variant;
            this.key = key;
            this.name = name;
            this.folder = folder;
        }

        EvaluationResult run() throws IOException, SchedulerException, InterruptedException {
            secret = folder.secret();
            Optional<JobLog.Open> open = log.open(name);
            Optional<EvaluationResult> ready = folder.result(secret, key);
            if (ready.isPresent() && !ready.get().harnessFailure()) {
                // a job answered while nobody was watching
                open.ifPresent(o -> finished(new Job(o.jobId(), o.attempt(), 0), ready.get()));
                return ready.get();
            }
            folder.clearResult(); // a failure of the harness is tried anew
            Job job = null;
            if (open.isPresent()) {
                JobStatus status = scheduler.status(open.get().jobId());
                if (status.state().active()) {
                    job = track(new Job(open.get().jobId(), open.get().attempt(), status.restarts()));
                    listener.onPhase("re-attached to job " + job.id + " (" + name + ", " + status.state() + ") of "
                            + variant.id());
                } else {
                    log.record(new JobRerun(name, open.get().jobId(), open.get().attempt(), status.state().name()));
                }
            }
            if (job == null) {
                job = submit();
            }
            return watch(job);
        }

        private Job submit() throws IOException, SchedulerException, InterruptedException {
            Optional<Job> found = foundByName();
            if (found.isPresent()) {
                return found.get();
            }
            folder.prepare(JobOrder.of(key, sandbox), variant, script.text(folder, "evaluation of " + variant.id()
                    + " for " + key.budget().describe() + ", seed " + key.seed()));
            JobRequest request = request(key);
            SchedulerException last = null;
            for (int tries = 1; tries <= SUBMIT_TRIES; tries++) {
                try {
                    String id = scheduler.submit(request);
                    Job job = track(new Job(id, log.attempts(name) + 1, 0));
                    log.record(submitted(job));
                    listener.onPhase("submitted job " + id + " (" + name + ", attempt " + job.attempt + ") for "
                            + variant.id());
                    return job;
                } catch (SchedulerException e) {
                    last = e;
                    // the answer may be what was lost: a job of this name means it was submitted
                    sleeper.sleep(Duration.ofSeconds(2L * tries));
                    found = foundByName();
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
            throw last;
        }

        /** A job of this evaluation's name that the scheduler holds, recorded as this attempt's. */
        private Optional<Job> foundByName() throws SchedulerException {
            List<String> ids = scheduler.active(name);
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            String id = ids.getFirst();
            Job job = track(new Job(id, log.attempts(name) + 1, scheduler.status(id).restarts()));
            log.record(submitted(job));
            listener.onPhase("found job " + id + " (" + name + ") of " + variant.id() + " again by its name");
            return Optional.of(job);
        }

        private JobSubmitted submitted(Job job) {
            return new JobSubmitted(name, job.id, job.attempt, variant.id(), key.budget().key(), key.seed());
        }

        private Job track(Job job) {
            inFlight.add(job.id);
            return job;
        }

        private EvaluationResult watch(Job first) throws IOException, SchedulerException, InterruptedException {
            Job job = first;
            long pollEvery = Math.max(1, settings.poll().toMillis() / CHECK_MILLIS);
            boolean warned = false;
            for (long tick = 1; ; tick++) {
                Optional<EvaluationResult> result = folder.result(secret, key);
                if (result.isPresent()) {
                    return finished(job, result.get());
                }
                if (tick % pollEvery == 0) {
                    JobStatus status;
                    try {
                        status = scheduler.status(job.id);
                    } catch (SchedulerException e) {
                        if (!warned) {
                            LOG.log(Level.WARNING, "asking Slurm about job " + job.id + " failed; asking again: "
                                    + e.getMessage());
                            warned = true;
                        }
                        status = null;
                    }
                    if (status != null) {
                        requeued(job, status.restarts());
                        if (!status.state().active()) {
                            Optional<EvaluationResult> late = settled(status.state());
                            if (late.isPresent()) {
                                return finished(job, late.get());
                            }
                            inFlight.remove(job.id);
                            failures++;
                            if (failures >= settings.attempts()) {
                                EvaluationResult gaveUp = EvaluationResult.harnessFailure("job " + name + " ended "
                                        + status.state() + " without a result " + failures + " time" + (failures == 1 ? "" : "s")
                                        + " (evaluation.slurm.attempts); what it printed is in " + folder.output(),
                                        folder.outputTail());
                                log.record(new JobFinished(name, job.id, job.attempt, gaveUp.status().name(), gaveUp.reason()));
                                return gaveUp;
                            }
                            log.record(new JobRerun(name, job.id, job.attempt, status.state().name()));
                            listener.onPhase("job " + job.id + " of " + variant.id() + " ended " + status.state()
                                    + " without a result: running it again");
                            job = submit();
                        }
                    }
                }
                try {
                    sleeper.sleep(Duration.ofMillis(CHECK_MILLIS));
                } catch (InterruptedException e) {
                    cancel(job);
                    throw e;
                }
            }
        }

        /** Records the scheduler's requeues of the job, each an attempt that ended and one that began. */
        private void requeued(Job job, int restarts) {
            while (job.restarts < restarts) {
                log.record(new JobRerun(name, job.id, job.attempt, JobState.REQUEUED.name()));
                job.restarts++;
                job.attempt++;
                log.record(submitted(job));
                listener.onPhase("job " + job.id + " of " + variant.id() + " was requeued: attempt " + job.attempt);
            }
        }

        /**
         * The result of a job that has ended: at once, or, for a job that ended well, once a shared file
         * system shows it (a client may cache that the file was not there for a while).
         */
        private Optional<EvaluationResult> settled(JobState state) throws InterruptedException {
            long checks = state == JobState.COMPLETED ? SETTLE.toMillis() / CHECK_MILLIS : 1;
            for (long i = 0; i < checks; i++) {
                Optional<EvaluationResult> result = folder.result(secret, key);
                if (result.isPresent()) {
                    return result;
                }
                if (i + 1 < checks) {
                    sleeper.sleep(Duration.ofMillis(CHECK_MILLIS));
                }
            }
            return Optional.empty();
        }

        private EvaluationResult finished(Job job, EvaluationResult result) {
            inFlight.remove(job.id);
            log.record(new JobFinished(name, job.id, job.attempt, result.status().name(), result.reason()));
            return result;
        }

        private void cancel(Job job) {
            try {
                scheduler.cancel(List.of(job.id));
            } catch (SchedulerException e) {
                LOG.log(Level.WARNING, "could not cancel job " + job.id + ": " + e.getMessage());
            }
            inFlight.remove(job.id);
        }
    }
}
