package darwin.trainer.harness;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.trainer.api.BudgetExhaustedException;
import darwin.trainer.api.LanguageModel;
import darwin.trainer.api.TrainingProgram;
import darwin.trainer.data.TokenSampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs a program's {@code train} call under a budget: hands out batches and counts them, logs the
 * curve, times the call, and turns whatever the program throws into a failure.
 *
 * <p>The clock: a training's seconds are those of the {@code train} call plus whatever of the
 * program's code ran before it and the caller counted (its loading: static initialisers and
 * constructor; see {@link #train(TrainingProgram, NDManager, TokenSampler, Budget, long, Path,
 * TrainingListener, double)}). Under a time budget a program that returns past the budget and its
 * {@link TimeGrace} is a {@code TIMEOUT}, whatever it trained.
 */
public final class TrainingSession {

    private final Device device;
    private final int vocabularySize;

    public TrainingSession(Device device, int vocabularySize) {
        this.device = device;
        this.vocabularySize = vocabularySize;
    }

    /**
     * Trains the program. The model, if any, lives in {@code manager}.
     *
     * @param sampler the training batches
     * @param budget steps, seconds or tokens (a FLOPs or equal-time budget is granted as tokens
     *     first, by {@link TokenGrant})
     * @param curveLog where the curve goes, or {@code null}
     */
    public TrainingOutcome train(TrainingProgram program, NDManager manager, TokenSampler sampler, Budget budget,
            long seed, Path curveLog, TrainingListener listener) {
        return train(program, manager, sampler, budget, seed, curveLog, listener, 0);
    }

    /**
     * Trains a program whose code already ran for {@code before} seconds, which count against its
     * time as if they were part of the {@code train} call: the clock a time budget is spent by, the
     * seconds the outcome reports, and the {@link TimeGrace} check.
     *
     * @param before seconds of the program's code before this call (loading its classes, their
     *     static initialisers, its constructor): 0 for a program the caller made itself
     */
    public TrainingOutcome train(TrainingProgram program, NDManager manager, TokenSampler sampler, Budget budget,
            long seed, Path curveLog, TrainingListener listener, double before) {
        BudgetTracker tracker = new BudgetTracker(budget);
        return run(program, manager, tracker, new HarnessBatches(sampler, tracker), seed, curveLog, listener, before);
    }

    /**
     * A throughput probe: trains the program for {@code steps} batches, as {@link #train} does but
     * with no curve and noting when each batch was asked for. The model it returns lives in
     * {@code manager}, which the caller closes.
     */
    public Probe probe(TrainingProgram program, NDManager manager, TokenSampler sampler, long steps, long seed) {
        BudgetTracker tracker = new BudgetTracker(Budget.steps(steps));
        HarnessBatches batches = new HarnessBatches(sampler, tracker, true);
        TrainingOutcome outcome = run(program, manager, tracker, batches, seed, null, TrainingListener.NONE, 0);
        long end = System.nanoTime();
        return new Probe(batches.stepTimes(end), outcome.trainSeconds(), outcome.failure());
    }

    /**
     * What a probe saw.
     *
     * @param times when each batch was asked for
     * @param seconds wall time of the {@code train} call
     * @param failure why the program failed, or {@code null}
     */
    public record Probe(StepTimes times, double seconds, EvaluationResult failure) {}

    private TrainingOutcome run(TrainingProgram program, NDManager manager, BudgetTracker tracker, HarnessBatches batches,
            long seed, Path curveLog, TrainingListener listener, double before) {
        Budget budget = tracker.budget();
        try (CurveLog curve = new CurveLog(curveLog, tracker, batches, listener)) {
            Engine.getInstance().setRandomSeed((int) seed);
            var context = new HarnessContext(manager, device, vocabularySize, batches, tracker, curve, seed);
            listener.onPhase("training for " + budget.describe());
            LanguageModel model;
            tracker.start(before);
            try {
                model = program.train(context);
            } catch (Throwable failure) {
                // a batch refused to a program already past its time and grace: it ran out of time
                return failed(failure instanceof BudgetExhaustedException && overran(budget, tracker.elapsedSeconds())
                        ? EvaluationResult.failed(EvaluationStatus.TIMEOUT,
                                TimeGrace.overrun((Budget.Seconds) budget, tracker.elapsedSeconds()), "")
                        : classify(failure), tracker, batches, curve);
            }
            double seconds = tracker.elapsedSeconds();
            if (overran(budget, seconds)) {
                Budget.Seconds time = (Budget.Seconds) budget;
                return failed(EvaluationResult.failed(EvaluationStatus.TIMEOUT, TimeGrace.overrun(time, seconds), curve.tail()),
                        tracker, batches, curve);
            }
            if (model == null) {
                return failed(EvaluationResult.failed(EvaluationStatus.VIOLATION, "the program returned no model", curve.tail()),
                        tracker, batches, curve);
            }
            if (curve.firstNonFinite() != null) {
                return failed(EvaluationResult.failed(EvaluationStatus.DIVERGED,
                        "training loss became " + curve.firstNonFinite().loss() + " at step " + curve.firstNonFinite().step(),
                        curve.tail()), tracker, batches, curve);
            }
            return new TrainingOutcome(model, null, tracker.steps(), batches.tokens(), seconds, curve.tail());
        } catch (IOException e) {
            EvaluationResult failure = EvaluationResult.harnessFailure("cannot write the training curve: " + e.getMessage(), "");
            return new TrainingOutcome(null, failure, tracker.steps(), batches.tokens(), 0, "");
        }
    }

    /** Whether a program that ran {@code seconds} ran past a time budget and its grace. */
    private static boolean overran(Budget budget, double seconds) {
        return budget instanceof Budget.Seconds time && seconds > TimeGrace.limit(time);
    }

    private static TrainingOutcome failed(EvaluationResult failure, BudgetTracker tracker, HarnessBatches batches, CurveLog curve) {
        EvaluationResult withTail = failure.logTail().isEmpty()
                ? failure.withLogTail(curve.tail())
                : failure;
        return new TrainingOutcome(null, withTail, tracker.steps(), batches.tokens(), tracker.elapsedSeconds(), curve.tail());
    }

    /** The status and reason of something a program threw. Errors of the harness itself are rethrown. */
    public static EvaluationResult classify(Throwable failure) {
        if (failure instanceof UncheckedIOException e && e.getMessage() != null
                && e.getMessage().startsWith(CurveLog.WRITE_FAILURE)) {
            return EvaluationResult.harnessFailure(describe(e.getCause() == null ? e : e.getCause()), "");
        }
        if (failure instanceof OutOfMemoryError || isNativeOutOfMemory(failure)) {
            return EvaluationResult.failed(EvaluationStatus.OUT_OF_MEMORY, describe(failure), "");
        }
        if (failure instanceof BudgetExhaustedException) {
            return EvaluationResult.failed(EvaluationStatus.RUNTIME_ERROR,
                    "the program asked for a batch after its budget was spent: " + failure.getMessage(), "");
        }
        if (failure instanceof VirtualMachineError error && !(failure instanceof StackOverflowError)) {
            throw error; // the harness itself is in trouble
        }
        return EvaluationResult.failed(EvaluationStatus.RUNTIME_ERROR, describe(failure), "");
    }

    private static boolean isNativeOutOfMemory(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof EngineException && (message.contains("out of memory") || message.contains("can't allocate")
                    || message.contains("alloc_failed"))) {
                return true;
            }
        }
        return false;
    }

    /** The exception's class, message and the frame that threw it, on one line. */
    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        StackTraceElement top = failure.getStackTrace().length > 0 ? failure.getStackTrace()[0] : null;
        return failure.getClass().getSimpleName()
                + (message == null ? "" : ": " + message)
                + (top == null ? "" : " (at " + top.getClassName() + "." + top.getMethodName() + ":" + top.getLineNumber() + ")");
    }
}
