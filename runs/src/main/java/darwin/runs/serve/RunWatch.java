package darwin.runs.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.text.TerminalText;
import darwin.memory.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Watches a run's files and keeps the page's picture of it current, for every open page at once.
 *
 * <p>Design: one thread polls the files' sizes and modification times every {@code every} (a few
 * stat calls; polling, unlike a file-system watch, sees a run on any file system and written by
 * any process). When the checkpoint, ledger, memories or queues change it recomputes the run's part
 * of the picture ({@link RunView#run}); when only the log changes, just the slots'. Each change
 * gives a new {@link Snapshot}, written to JSON once however many pages wait for it; the pages'
 * event streams wait in {@link #await}. A snapshot that cannot be read (a file the run is
 * rewriting in an unexpected way) keeps the last good picture and says what failed.
 *
 * <p>Concurrency: the poller is the one writer; {@link #current} is a volatile read, and waiters
 * are woken by a condition.
 */
final class RunWatch implements AutoCloseable {

    /**
     * One picture of the run.
     *
     * @param version counts the pictures from 1
     * @param json the picture
     */
    record Snapshot(long version, String json) {
        Snapshot {
            Objects.requireNonNull(json, "json");
        }
    }

    private final RunDirectory run;
    private final RunView view;
    private final ObjectMapper json;
    private final Clock clock;
    private final boolean readOnly;
    private final Duration every;
    private final ScheduledExecutorService poller;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile Snapshot current;
    private List<String> runStamp;
    private List<String> logStamp;
    private ObjectNode runPart;
    private ArrayNode slotsPart;
    private String problem = "";
    private boolean closed;

    RunWatch(RunDirectory run, RunDesk desk, ObjectMapper json, Clock clock, boolean readOnly, Duration every) {
        this.run = run;
        this.view = new RunView(run, desk, json);
        this.json = json;
        this.clock = clock;
        this.readOnly = readOnly;
        this.every = every;
        this.poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "live-page-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Takes the first picture and starts polling. */
    RunWatch start() {
        poll();
        poller.scheduleWithFixedDelay(this::poll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The latest picture. */
    Snapshot current() {
        return current;
    }

    /**
     * Waits until there is a picture newer than {@code version}, or {@code timeout} passed.
     *
     * @return the latest picture (the same one when the time passed), or empty once closed
     */
    Optional<Snapshot> await(long version, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!closed && current.version() <= version && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return closed ? Optional.empty() : Optional.of(current);
        } finally {
            lock.unlock();
        }
    }

    /** Looks at the files now (after the page changed one), rather than at the next poll. */
    void refresh() {
        try {
            poller.submit(this::poll).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the next poll will see it
        }
    }

    private void poll() {
        try {
            List<String> runNow = stamp(Stream.concat(Stream.of(run.state(), run.ledger(), run.requests(), run.suggestions()),
                    agents()).toList());
            List<String> logNow = stamp(List.of(run.log()));
            boolean runChanged = !runNow.equals(runStamp);
            boolean logChanged = !logNow.equals(logStamp) || runChanged;
            if (!runChanged && !logChanged && current != null) {
                return;
            }
            Instant now = clock.instant();
            try {
                if (runChanged) {
                    runPart = view.run(now);
                }
                slotsPart = view.slots(view.slots(), now.atZone(clock.getZone()));
                problem = "";
                runStamp = runNow;
                logStamp = logNow;
            } catch (RuntimeException | IOException e) {
                problem = "the run's files could not be read just now: " + e.getMessage();
                if (runPart == null) {
                    runPart = json.createObjectNode().put("started", false);
                }
            }
            publish(now);
        } catch (RuntimeException e) {
            // a poll that fails is tried again at the next; the thread must not die
        }
    }

    private void publish(Instant now) {
        ObjectNode root = runPart.deepCopy();
        root.set("slots", slotsPart == null ? json.createArrayNode() : slotsPart);
        root.put("readAt", now.toString()).put("readOnly", readOnly).put("problem", TerminalText.line(problem));
        lock.lock();
        try {
            long version = current == null ? 1 : current.version() + 1;
            root.put("version", version);
            current = new Snapshot(version, root.toString());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Stream<Path> agents() {
        if (!Files.isDirectory(run.agents())) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(run.agents())) {
            return files.sorted().toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    /** Each file's name, size and modification time ({@code -} for a missing one). */
    private static List<String> stamp(List<Path> files) {
        List<String> stamps = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                stamps.add(file.getFileName() + ":" + a.size() + ":" + a.lastModifiedTime().toMillis() + ":" + a.fileKey());
            } catch (IOException e) {
                stamps.add(file.getFileName() + ":-");
            }
        }
        return stamps;
    }

    @Override
    public void close() {
        poller.shutdownNow();
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
