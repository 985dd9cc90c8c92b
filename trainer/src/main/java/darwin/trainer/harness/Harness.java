package darwin.trainer.harness;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Metrics;
import darwin.trainer.api.BudgetExhaustedException;
import darwin.trainer.api.LanguageModel;
import darwin.trainer.api.TrainingProgram;
import darwin.trainer.data.Corpus;
import darwin.trainer.device.Engines;
import darwin.trainer.measure.CausalityCheck;
import darwin.trainer.measure.FlopCount;
import darwin.trainer.measure.HeldOutEvaluator;
import darwin.trainer.measure.PeakCalibration;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Trains a program and measures the model it returns.
 *
 * <p>Measurement: the harness counts the batches and tokens it hands out, times the program's
 * {@code train} call, counts the returned model's parameters itself, checks the model is causal
 * and scores it on the fixed held-out windows, which the program never sees. The program's own
 * reports only make the training curve.
 *
 * <p>Failure: whatever the program throws (an exception, an error, running out of memory, asking
 * for batches after its budget) ends as a failed {@link EvaluationResult}, never as an exception
 * out of {@link #evaluate}.
 */
public final class Harness {

    private final Corpus corpus;
    private final HarnessSettings settings;
    private final Device device;
    private Double peakFlops;

    public Harness(Corpus corpus, HarnessSettings settings) {
        this.corpus = corpus;
        this.settings = settings;
        this.device = Engines.defaultDevice();
    }

    public Device device() {
        return device;
    }

    /** The device's peak FLOP/s: the configured figure, the cached calibration, or a new one. */
    public synchronized double peakFlops(TrainingListener listener) {
        if (peakFlops == null) {
            if (settings.peakFlops() > 0) {
                peakFlops = settings.peakFlops();
            } else {
                listener.onPhase("calibrating the peak FLOP/s of " + device);
                try (NDManager manager = NDManager.newBaseManager(device)) {
                    peakFlops = new PeakCalibration(settings.peakCache()).peakFlops(manager, Engines.machineKey());
                }
            }
        }
        return peakFlops;
    }

    /** Trains the program under the request's budget and measures it. Never throws for a program's fault. */
    public EvaluationResult evaluate(TrainingProgram program, TrainingRequest request) {
        TrainingListener listener = request.listener();
        double peak = peakFlops(listener);
        long wallStart = System.nanoTime();
        BudgetTracker tracker = new BudgetTracker(request.budget());
        HarnessBatches batches = new HarnessBatches(corpus.trainingSampler(request.seed()), tracker);
        try (NDManager manager = NDManager.newBaseManager(device);
                CurveLog curve = new CurveLog(request.curveLog(), tracker, batches, listener)) {
            Engine.getInstance().setRandomSeed((int) request.seed());
            var context = new HarnessContext(manager, device, corpus.tokenizer().vocabularySize(), batches, tracker, curve,
                    request.seed());
            listener.onPhase("training for " + request.budget().describe());
            LanguageModel model;
            tracker.start();
            try {
                model = program.train(context);
            } catch (Throwable failure) {
                return failure(failure, curve);
            }
            double trainSeconds = tracker.elapsedSeconds();
            if (model == null) {
                return EvaluationResult.failed(EvaluationStatus.VIOLATION, "the program returned no model", curve.tail());
            }
            if (curve.firstNonFinite() != null) {
                return EvaluationResult.failed(EvaluationStatus.DIVERGED,
                        "training loss became " + curve.firstNonFinite().loss() + " at step " + curve.firstNonFinite().step(),
                        curve.tail());
            }
            return measure(model, manager, request, curve, batches, tracker, trainSeconds, peak, wallStart);
        } catch (IOException e) {
            return EvaluationResult.failed(EvaluationStatus.RUNTIME_ERROR,
                    "cannot write the training curve: " + e.getMessage(), "");
        }
    }

    private EvaluationResult measure(LanguageModel model, NDManager manager, TrainingRequest request, CurveLog curve,
            HarnessBatches batches, BudgetTracker tracker, double trainSeconds, double peak, long wallStart) {
        TrainingListener listener = request.listener();
        try {
            Engines.inferenceMode();
            FlopCount flops = FlopCount.of(model);
            listener.onPhase("checking causality");
            Optional<String> lookAhead = new CausalityCheck(request.seed())
                    .violation(model, manager, corpus.tokenizer().vocabularySize());
            if (lookAhead.isPresent()) {
                return EvaluationResult.failed(EvaluationStatus.VIOLATION, lookAhead.get(), curve.tail());
            }
            listener.onPhase("scoring the held-out windows");
            double valLoss = new HeldOutEvaluator(corpus.heldOutWindows(settings.heldOutWindow())).loss(model, manager);
            if (!Double.isFinite(valLoss)) {
                return EvaluationResult.failed(EvaluationStatus.DIVERGED,
                        "the trained model's held-out loss is " + valLoss, curve.tail());
            }
            long tokens = batches.tokens();
            Metrics metrics = new Metrics(
                    valLoss,
                    Math.exp(valLoss),
                    flops.mfu(tokens, trainSeconds, peak),
                    trainSeconds > 0 ? tokens / trainSeconds : 0,
                    tokens,
                    tracker.steps(),
                    flops.parameters(),
                    flops.perToken(),
                    peak,
                    (System.nanoTime() - wallStart) / 1e9,
                    trainSeconds,
                    device.toString());
            return EvaluationResult.ok(metrics, curve.tail());
        } catch (Throwable failure) {
            return failure(failure, curve);
        }
    }

    private static EvaluationResult failure(Throwable failure, CurveLog curve) {
        if (failure instanceof OutOfMemoryError || isNativeOutOfMemory(failure)) {
            return EvaluationResult.failed(EvaluationStatus.OUT_OF_MEMORY, describe(failure), curve.tail());
        }
        if (failure instanceof BudgetExhaustedException) {
            return EvaluationResult.failed(EvaluationStatus.RUNTIME_ERROR,
                    "the program asked for a batch after its budget was spent: " + failure.getMessage(), curve.tail());
        }
        if (failure instanceof VirtualMachineError error && !(failure instanceof StackOverflowError)) {
            throw error; // the harness itself is in trouble
        }
        return EvaluationResult.failed(EvaluationStatus.RUNTIME_ERROR, describe(failure), curve.tail());
    }

    private static boolean isNativeOutOfMemory(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof EngineException && (message.contains("out of memory") || message.contains("can't allocate"))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        StackTraceElement top = failure.getStackTrace().length > 0 ? failure.getStackTrace()[0] : null;
        return failure.getClass().getSimpleName()
                + (message == null ? "" : ": " + message)
                + (top == null ? "" : " (at " + top.getClassName() + "." + top.getMethodName() + ":" + top.getLineNumber() + ")");
    }
}
