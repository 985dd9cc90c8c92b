package darwin.runs.slurm;

import darwin.memory.ledger.ClusterJob;
import darwin.memory.ledger.JobFinished;
import darwin.memory.ledger.JobRerun;
import darwin.memory.ledger.JobSubmitted;
import darwin.memory.ledger.Ledger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The attempts of the run's jobs: the {@link ClusterJob} events of its ledger, read when the
 * executor opens, and those it records since. An event is appended to the run's ledger as soon as
 * the loop has opened it (an evaluation before that, such as the seed's under a weighted
 * selection, is appended with the next event once it is open).
 *
 * <p>Concurrency: every evaluation thread records here; the methods are synchronized.
 */
public final class JobLog {

    /** An attempt that was submitted and has not ended, as far as the ledger knows. */
    public record Open(String jobId, int attempt) {}

    private final Supplier<Ledger> ledger;
    private final List<ClusterJob> events;
    private final List<ClusterJob> unwritten = new ArrayList<>();

    /**
     * @param history the job events of the run's ledger so far
     * @param ledger the run's ledger, or {@code null} while the loop has not opened it
     */
    public JobLog(List<ClusterJob> history, Supplier<Ledger> ledger) {
        this.events = new ArrayList<>(history);
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** Records an event, in the ledger once it is open. */
    public synchronized void record(ClusterJob event) {
        events.add(event);
        unwritten.add(event);
        Ledger open = ledger.get();
        if (open != null) {
            unwritten.forEach(open::append);
            unwritten.clear();
        }
    }

    /** The latest attempt of the job {@code name} if it was submitted and has neither run again nor finished. */
    public synchronized Optional<Open> open(String name) {
        JobSubmitted latest = null;
        for (ClusterJob event : events) {
            if (event instanceof JobSubmitted submitted && submitted.job().equals(name)
                    && (latest == null || submitted.attempt() > latest.attempt())) {
                latest = submitted;
            }
        }
        if (latest == null) {
            return Optional.empty();
        }
        int attempt = latest.attempt();
        boolean ended = events.stream().anyMatch(event -> event.job().equals(name) && event.attempt() == attempt
                && (event instanceof JobRerun || event instanceof JobFinished));
        return ended ? Optional.empty() : Optional.of(new Open(latest.jobId(), attempt));
    }

    /** The highest attempt recorded for the job {@code name}; 0 for none. */
    public synchronized int attempts(String name) {
        return events.stream().filter(event -> event.job().equals(name)).mapToInt(ClusterJob::attempt).max().orElse(0);
    }

    /** Every job event, oldest first. */
    public synchronized List<ClusterJob> events() {
        return List.copyOf(events);
    }
}
