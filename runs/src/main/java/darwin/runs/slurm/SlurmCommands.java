package darwin.runs.slurm;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Slurm's commands as the {@link Scheduler}: {@code sbatch --parsable} submits, {@code squeue}
 * finds and watches, {@code sacct} says how a job that left the queue ended (from the accounting
 * database, or from the job completion log, {@code sacct --completion}, on a cluster without one),
 * {@code scancel} cancels.
 *
 * <p>Every command is watched, not hoped for: its exact command line is logged (at {@code DEBUG}),
 * its output goes to files, it gets a deadline, and a failure is a {@link SchedulerException} that
 * names the command, how it ended and the tail of what it printed. The commands run with this
 * process's environment ({@code SLURM_CONF} and the like).
 */
public final class SlurmCommands implements Scheduler {

    private static final System.Logger LOG = System.getLogger(SlurmCommands.class.getName());
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final String user;

    /** Slurm's commands for the jobs of {@code user}. */
    public SlurmCommands(String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("the jobs' user must be named");
        }
        this.user = user;
    }

    /** The commands for this process's user. */
    public static SlurmCommands forThisUser() {
        return new SlurmCommands(System.getProperty("user.name"));
    }

    /** What one command printed, and how it ended. */
    record Answer(int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }

        String tail() {
            String text = (out + "\n" + err).strip();
            return text.length() <= 800 ? text : "…" + text.substring(text.length() - 800);
        }
    }

    @Override
    public String submit(JobRequest request) throws SchedulerException {
        List<String> command = new ArrayList<>(List.of("sbatch"));
        command.addAll(request.sbatchArguments());
        Answer answer = run(command);
        String first = answer.out().strip().lines().findFirst().orElse("");
        String id = first.split(";")[0].strip();
        if (!answer.ok() || !id.matches("[0-9]+")) {
            throw new SchedulerException("sbatch did not submit job " + request.name() + " (exit " + answer.exit() + "): "
                    + answer.tail());
        }
        return id;
    }

    /**
     * Asks Slurm whether it would accept the job, without submitting it ({@code sbatch --test-only}).
     *
     * @throws SchedulerException with sbatch's own words when it would not
     */
    public void check(JobRequest request) throws SchedulerException {
        List<String> command = new ArrayList<>(List.of("sbatch", "--test-only"));
        command.addAll(request.sbatchArguments().stream().filter(arg -> !arg.equals("--parsable")).toList());
        Answer answer = run(command);
        if (!answer.ok()) {
            throw new SchedulerException("Slurm would not accept the evaluations' jobs: " + answer.tail());
        }
    }

    @Override
    public List<String> active(String name) throws SchedulerException {
        Answer answer = run(List.of("squeue", "-h", "--name=" + name, "--user=" + user, "-o", "%i|%T"));
        if (!answer.ok()) {
            throw new SchedulerException("squeue could not list the jobs named " + name + " (exit " + answer.exit() + "): "
                    + answer.tail());
        }
        List<String> ids = new ArrayList<>();
        for (String line : answer.out().strip().lines().toList()) {
            String[] fields = line.strip().split("\\|");
            if (fields.length == 2 && stateOrNull(fields[1]) instanceof JobState state && state.active()) {
                ids.add(fields[0]);
            }
        }
        return List.copyOf(ids);
    }

    @Override
    public JobStatus status(String jobId) throws SchedulerException {
        Answer queue = run(List.of("squeue", "-h", "-t", "all", "-j", jobId, "-O", "JobID:|,State:|,RestartCnt:|"));
        if (queue.ok()) {
            for (String line : queue.out().strip().lines().toList()) {
                String[] fields = line.strip().split("\\|");
                if (fields.length >= 3 && fields[0].equals(jobId)) {
                    return new JobStatus(JobState.parse(fields[1]), restarts(fields[2]));
                }
            }
        } else if (!queue.err().contains("Invalid job id")) {
            throw new SchedulerException("squeue could not say how job " + jobId + " is (exit " + queue.exit() + "): "
                    + queue.tail());
        }
        // the job has left the controller: how it ended, from accounting or the completion log
        for (List<String> sacct : List.of(List.of("sacct", "-n", "-P", "-X", "-j", jobId, "-o", "JobID,State"),
                List.of("sacct", "--completion", "-n", "-P", "-j", jobId, "-o", "JobID,State"))) {
            Answer answer = run(sacct);
            JobState last = null;
            for (String line : answer.ok() ? answer.out().strip().lines().toList() : List.<String>of()) {
                String[] fields = line.strip().split("\\|");
                if (fields.length >= 2 && fields[0].equals(jobId) && stateOrNull(fields[1]) instanceof JobState state) {
                    last = state;
                }
            }
            if (last != null) {
                return new JobStatus(last, 0);
            }
        }
        return JobStatus.VANISHED;
    }

    @Override
    public void cancel(List<String> jobIds) throws SchedulerException {
        if (jobIds.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("scancel"));
        command.addAll(jobIds);
        Answer answer = run(command);
        if (!answer.ok() && !answer.err().contains("Invalid job id")) {
            throw new SchedulerException("scancel did not cancel jobs " + String.join(", ", jobIds) + " (exit "
                    + answer.exit() + "): " + answer.tail());
        }
    }

    private static JobState stateOrNull(String text) {
        try {
            return JobState.parse(text);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, e.getMessage() + "; the job is passed over");
            return null;
        }
    }

    private static int restarts(String text) {
        try {
            return Math.max(0, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Runs one command with its output in files and a deadline. */
    private static Answer run(List<String> command) throws SchedulerException {
        LOG.log(Level.DEBUG, () -> "running " + String.join(" ", command));
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("darwin-slurm-", ".out");
            err = Files.createTempFile("darwin-slurm-", ".err");
            Process process;
            try {
                process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            } catch (IOException e) {
                throw new SchedulerException(command.getFirst() + " could not be run (" + e.getMessage() + "): Slurm's"
                        + " commands must be on the PATH of the machine that runs the loop, for evaluation.executor: slurm", e);
            }
            boolean ended;
            try {
                ended = process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                throw e;
            }
            if (!ended) {
                process.destroyForcibly();
                throw new SchedulerException(String.join(" ", command) + " did not answer within " + DEADLINE.toSeconds()
                        + " s");
            }
            return new Answer(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SchedulerException("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchedulerException("interrupted while waiting for " + command.getFirst(), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind
            }
        }
    }
}
