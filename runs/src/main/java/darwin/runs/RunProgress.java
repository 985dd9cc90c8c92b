package darwin.runs;

import darwin.core.EvaluationResult;
import darwin.core.Proposal;
import darwin.core.text.TerminalText;
import darwin.memory.NoiseFloor;
import darwin.population.loop.EvolutionListener;
import darwin.population.selection.Survivors;
import darwin.trainer.harness.TrainingListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * What a run says while it goes: one line per event, on standard error and in the run's log file
 * ({@code run.log}), with the best figures so far, the slot utilisation and the LLM cost. On a
 * terminal a status line (generation, evaluations, best perplexity and MFU, slots busy, cost, time
 * left) stays below the events and is rewritten in place every second; to a pipe or a file there
 * are only the plain lines. Each event is one line: what an agent or a variant's program wrote in it
 * (a summary, a reason, a note) is shown as {@link TerminalText#line} shows it, on the terminal and
 * in the log alike, so that no model text can move the cursor, clear the screen or break the line.
 * Thread-safe.
 */
final class RunProgress implements EvolutionListener, TrainingListener, AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintWriter out;
    private final Path log;
    private final DoubleSupplier utilisation;
    private final DoubleSupplier cost;
    private final long started = System.nanoTime();
    private final int planned;
    private double best = Double.NaN;
    private double bestMfu = Double.NaN;
    private int evaluations;
    private int rungRuns;
    private int generation;
    private int generations;
    private boolean paused;
    private final boolean terminal;
    private final ScheduledExecutorService ticker;

    /**
     * @param planned the evaluations the run will do in all (for the time left), or 0 when unknown
     * @param terminal whether {@code out} is a terminal, where the status line is kept
     */
    RunProgress(PrintWriter out, Path log, DoubleSupplier utilisation, DoubleSupplier cost, int planned, boolean terminal) {
        this.planned = planned;
        this.terminal = terminal;
        this.ticker = terminal ? Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "status-line");
            thread.setDaemon(true);
            return thread;
        }) : null;
        if (ticker != null) {
            ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
        }
        this.out = out;
        this.log = log;
        this.utilisation = utilisation;
        this.cost = cost;
    }

    @Override
    public void generationStarted(int generation, int of) {
        synchronized (this) {
            this.generation = generation;
            this.generations = of;
        }
        say("generation %d of %d", generation, of);
    }

    @Override
    public void proposed(int generation, int slot, Proposal proposal) {
        say("  %s → %s: %s (%s)%s", proposal.agent(), proposal.target(), proposal.status(),
                proposal.change().map(c -> c.summary()).orElse(proposal.reason()),
                proposal.child().map(c -> ", new variant " + c.id()).orElse(""));
    }

    @Override
    public synchronized void evaluated(int generation, String variant, EvaluationResult result) {
        evaluations++;
        result.measured().ifPresent(m -> {
            if (Double.isNaN(best) || m.perplexity() < best) {
                best = m.perplexity();
            }
            if (Double.isNaN(bestMfu) || m.mfu() > bestMfu) {
                bestMfu = m.mfu();
            }
        });
        say("  evaluated %s: %s | %s", variant, result.measured().map(m -> String.format(Locale.ROOT,
                "perplexity %.3f, MFU %.1f%%", m.perplexity(), 100 * m.mfu())).orElse(result.status() + ": " + result.reason()),
                figures());
    }

    /** Evaluations done, best figures, slots busy, cost and time left. */
    private synchronized String figures() {
        double elapsed = (System.nanoTime() - started) / 1e9;
        String left = planned > evaluations && evaluations > 0
                ? String.format(Locale.ROOT, ", about %.0f min left", elapsed / evaluations * (planned - evaluations) / 60) : "";
        String rungs = rungRuns > 0 ? String.format(Locale.ROOT, " (+%d rung runs)", rungRuns) : "";
        return String.format(Locale.ROOT, "%d evaluations%s, best perplexity %.3f, best MFU %.1f%%, slots busy %.0f%%,"
                + " LLM cost $%.2f%s", evaluations, rungs, best, 100 * bestMfu, 100 * utilisation.getAsDouble(),
                cost.getAsDouble(), left);
    }

    /** Rewrites the status line in place. */
    private synchronized void redraw() {
        if (terminal) {
            out.print("\r\u001b[K" + status());
            out.flush();
        }
    }

    private String status() {
        return (generation > 0 ? "generation " + generation + "/" + generations + " | " : "")
                + (paused ? "LLM endpoint down, proposals paused | " : "") + figures();
    }

    /** Whether proposals are paused for the LLM endpoint: the status line says so meanwhile. */
    synchronized void paused(boolean paused) {
        this.paused = paused;
    }

    @Override
    public void generationEnded(int generation, Survivors survivors) {
        say("generation %d done: %s", generation, String.join(", ", survivors.members().stream()
                .map(m -> m.agent() + "=" + m.variant()).toList()));
    }

    @Override
    public void noiseFloor(NoiseFloor floor) {
        say("noise floor at %s: the seed measured %d times, perplexity ±%.2f%%, MFU ±%.1f%% (one standard deviation)",
                floor.budget(), floor.replicates(), 100 * floor.loss().sd(), 100 * floor.logMfu().sd());
    }

    @Override
    public synchronized void rungEvaluated(int generation, String variant, int rung, int of, EvaluationResult result) {
        rungRuns++;
        say("  rung %d/%d %s: %s | %s", rung + 1, of, variant, result.measured().map(m -> String.format(Locale.ROOT,
                "perplexity %.3f (a prediction, not a fitness)", m.perplexity())).orElse(result.status() + ": "
                + result.reason()), figures());
    }

    @Override
    public void promoted(int generation, int rung, int of, int entered, int promoted) {
        say("  rung %d/%d closed: %d of %d children promoted to rung %d", rung + 1, of, promoted, entered, rung + 2);
    }

    @Override
    public synchronized void replicated(int generation, String variant, int count) {
        evaluations++;
        say("  racing: %s measured again (replicate %d) to tell it from the noise", variant, count);
    }

    @Override
    public void requestSettled(int generation, String request, boolean applied, String note) {
        say("  request %s %s from generation %d: %s", request, applied ? "in effect" : "could not be applied", generation, note);
    }

    @Override
    public void awaitingDecisions(int generation, List<String> pending) {
        say("waiting for people to decide on %s (darwin requests %s list; approve ID or deny ID)",
                String.join(", ", pending), log.getParent());
    }

    @Override
    public void onPhase(String phase) {
        say("  %s", phase);
    }

    synchronized void say(String format, Object... args) {
        String line = "[" + LocalTime.now().format(TIME) + "] " + TerminalText.line(String.format(Locale.ROOT, format, args));
        if (terminal) {
            out.print("\r\u001b[K" + line + "\n" + status());
        } else {
            out.println(line);
        }
        out.flush();
        try {
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's log " + log, e);
        }
    }

    /** Stops the status line and leaves the cursor on a fresh line. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            out.print("\r\u001b[K");
            out.flush();
        }
    }
}
