package darwin.runs.slurm;

import darwin.core.EvaluationResult;
import darwin.trainer.cache.ResultKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scheduler that plays the faults of a real one, one step per wait of the executor: each job
 * submitted takes the next of the scripted endings, is pending for one step, runs for one, and
 * then ends as scripted. A job that completes writes its result into its folder, signed with the
 * folder's key, as the job on a node does.
 */
final class FakeScheduler implements Scheduler {

    /** How a submitted job ends. */
    sealed interface Ending {}

    /** It writes this result and completes. */
    record Answers(EvaluationResult result) implements Ending {}

    /** It ends in this state without a result. */
    record Dies(JobState state) implements Ending {}

    /** The scheduler requeues it once (same id), and then it writes the result. */
    record RequeuedThenAnswers(EvaluationResult result) implements Ending {}

    private final class Job {
        final String id;
        final String name;
        final Path folder;
        final Ending ending;
        JobState state = JobState.PENDING;
        int steps;
        int restarts;

        Job(String id, String name, Path folder, Ending ending) {
            this.id = id;
            this.name = name;
            this.folder = folder;
            this.ending = ending;
        }
    }

    private final Deque<Ending> endings = new ArrayDeque<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final ResultKey key;
    final List<String> cancelled = new ArrayList<>();
    /** How many of the next submissions create their job but lose sbatch's answer. */
    int answersToLose;
    private int nextId = 100;

    FakeScheduler(ResultKey key, Ending... script) {
        this.key = key;
        endings.addAll(List.of(script));
    }

    /** Puts a job in the queue as if a loop that is gone had submitted it. */
    String held(String name, Path folder, Ending ending, JobState state) {
        Job job = new Job(Integer.toString(nextId++), name, folder, ending);
        job.state = state;
        jobs.put(job.id, job);
        return job.id;
    }

    /** Every job submitted (or held), in order. */
    synchronized List<String> submitted() {
        return List.copyOf(jobs.keySet());
    }

    @Override
    public synchronized String submit(JobRequest request) throws SchedulerException {
        Ending ending = endings.isEmpty() ? new Dies(JobState.FAILED) : endings.poll();
        Job job = new Job(Integer.toString(nextId++), request.name(), request.script().getParent(), ending);
        jobs.put(job.id, job);
        if (answersToLose > 0) {
            answersToLose--;
            throw new SchedulerException("sbatch: error: Socket timed out on send/recv operation");
        }
        return job.id;
    }

    @Override
    public synchronized List<String> active(String name) {
        return jobs.values().stream().filter(j -> j.name.equals(name) && j.state.active()).map(j -> j.id).toList();
    }

    @Override
    public synchronized JobStatus status(String jobId) {
        Job job = jobs.get(jobId);
        return job == null ? JobStatus.VANISHED : new JobStatus(job.state, job.restarts);
    }

    @Override
    public synchronized void cancel(List<String> jobIds) {
        for (String id : jobIds) {
            Job job = jobs.get(id);
            if (job != null && job.state.active()) {
                job.state = JobState.CANCELLED;
                cancelled.add(id);
            }
        }
    }

    /** One step of every job still in the queue. */
    synchronized void step() {
        for (Job job : jobs.values()) {
            if (!job.state.active()) {
                continue;
            }
            job.steps++;
            if (job.state == JobState.PENDING) {
                job.state = JobState.RUNNING;
                continue;
            }
            switch (job.ending) {
                case Answers answers -> answer(job, answers.result());
                case Dies dies -> job.state = dies.state();
                case RequeuedThenAnswers requeued -> {
                    if (job.restarts == 0) {
                        job.restarts = 1;
                        job.state = JobState.PENDING;
                    } else {
                        answer(job, requeued.result());
                    }
                }
            }
        }
    }

    private void answer(Job job, EvaluationResult result) {
        JobFolder folder = new JobFolder(job.folder);
        try {
            folder.writeResult(folder.readSecret(), key, result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        job.state = result.status().measured() ? JobState.COMPLETED : JobState.FAILED;
    }
}
