package darwin.trainer.harness;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.program.NanoGpt;
import darwin.trainer.api.TrainingProgram;
import darwin.trainer.data.Corpus;
import darwin.trainer.device.Engines;
import darwin.trainer.measure.HeldOutEvaluator;
import darwin.trainer.measure.PeakCalibration;
import darwin.trainer.measure.Score;
import darwin.trainer.measure.ScoringPlan;
import java.util.OptionalDouble;

/**
 * Trains a program in this process and measures the model it returns: a {@link TrainingSession}
 * then a {@link Scorer}. For trusted code (the bundled seed) and for tests; untrusted variants are
 * evaluated in a sandboxed child process by {@code darwin.trainer.sandbox}. It trains on the
 * corpus alone: it takes a program, not a variant, so a variant's resources (extra training text,
 * libraries) never reach it; the sandbox evaluates variants that have them.
 *
 * <p>Failure: whatever the program throws (an exception, an error, running out of memory, asking
 * for batches after its budget) ends as a failed {@link EvaluationResult}, never as an exception
 * out of {@link #evaluate}.
 */
public final class Harness {

    private final Corpus corpus;
    private final HarnessSettings settings;
    private final Device device;
    private final TrainingProgram reference;
    private Double peakFlops;
    private Double referenceThroughput;

    /** A harness whose equal-time budgets measure speed against the seed ({@link NanoGpt}). */
    public Harness(Corpus corpus, HarnessSettings settings) {
        this(corpus, settings, new NanoGpt());
    }

    /**
     * @param reference the program equal-time budgets measure speed against; its throughput is
     *     {@link HarnessSettings#referenceThroughput()}, which must then be given unless it is the seed
     */
    public Harness(Corpus corpus, HarnessSettings settings, TrainingProgram reference) {
        this.corpus = corpus;
        this.settings = settings;
        this.device = Engines.defaultDevice();
        this.reference = reference;
    }

    public Device device() {
        return device;
    }

    /** The device's peak FLOP/s: the configured figure, the cached calibration, or a new one. */
    public synchronized double peakFlops(TrainingListener listener) {
        if (peakFlops == null) {
            peakFlops = devicePeak(settings, device, listener);
        }
        return peakFlops;
    }

    /**
     * The peak FLOP/s of a device with the engine's threads: the configured figure when there is
     * one, else the cached calibration, else a new calibration (which is cached).
     */
    public static double devicePeak(HarnessSettings settings, Device device, TrainingListener listener) {
        if (settings.peakFlops() > 0) {
            return settings.peakFlops();
        }
        PeakCalibration calibration = new PeakCalibration(settings.peakCache());
        String machine = Engines.machineKey();
        OptionalDouble cached = calibration.cached(device, machine);
        if (cached.isPresent()) {
            return cached.getAsDouble(); // without loading the engine
        }
        Engines.load(); // with the configured threads and the allocator settings, as a training would
        try (NDManager manager = NDManager.newBaseManager(device)) {
            return calibration.peakFlops(manager, machine,
                    () -> listener.onPhase("calibrating the peak FLOP/s of " + device + " (once per machine)"));
        }
    }

    /**
     * Calibrates the device's peak again, keeping the higher of the new and the cached figure
     * (see {@link PeakCalibration#recalibrate}).
     */
    public static double recalibratePeak(HarnessSettings settings, Device device, TrainingListener listener) {
        listener.onPhase("calibrating the peak FLOP/s of " + device + " again");
        try (NDManager manager = NDManager.newBaseManager(device)) {
            return new PeakCalibration(settings.peakCache()).recalibrate(manager, Engines.machineKey());
        }
    }

    /** The seed's training throughput on this device: the configured figure, the cached calibration, or a new one. */
    public synchronized double referenceThroughput(TrainingListener listener) {
        if (referenceThroughput == null) {
            referenceThroughput = referenceThroughput(settings, corpus, device, listener);
        }
        return referenceThroughput;
    }

    /**
     * The seed's training tokens per second on a device with the engine's threads, which an
     * equal-time budget is counted in: the configured figure when there is one, else the cached
     * calibration, else a new calibration (which is cached).
     */
    public static double referenceThroughput(HarnessSettings settings, Corpus corpus, Device device, TrainingListener listener) {
        if (settings.referenceThroughput() > 0) {
            return settings.referenceThroughput();
        }
        ThroughputCalibration calibration = new ThroughputCalibration(settings.throughputCache());
        String machine = Engines.machineKey();
        OptionalDouble cached = calibration.cached(device, machine);
        if (cached.isPresent()) {
            return cached.getAsDouble();
        }
        Engines.load();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            return calibration.throughput(new TrainingSession(device, corpus.tokenizer().vocabularySize()), new NanoGpt(),
                    manager, corpus.trainingSampler(CALIBRATION_SEED), machine,
                    () -> listener.onPhase("calibrating the seed's training throughput on " + device + " (once per machine)"));
        }
    }

    /**
     * Calibrates the seed's training throughput again, keeping the higher of the new and the
     * cached figure (see {@link ThroughputCalibration#recalibrate}).
     */
    public static double recalibrateReferenceThroughput(HarnessSettings settings, Corpus corpus, Device device,
            TrainingListener listener) {
        listener.onPhase("calibrating the seed's training throughput on " + device + " again");
        Engines.load();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            return new ThroughputCalibration(settings.throughputCache()).recalibrate(
                    new TrainingSession(device, corpus.tokenizer().vocabularySize()), new NanoGpt(), manager,
                    corpus.trainingSampler(CALIBRATION_SEED), Engines.machineKey());
        }
    }

    /** Seeds the batches of a throughput calibration. */
    private static final long CALIBRATION_SEED = 0x5eed;

    /**
     * Trains the program under the request's budget and measures it. A FLOPs or equal-time budget
     * is granted as tokens first ({@link TokenGrant}), against the seed for equal time. Never
     * throws for a program's fault.
     */
    public EvaluationResult evaluate(TrainingProgram program, TrainingRequest request) {
        TrainingListener listener = request.listener();
        double peak = peakFlops(listener);
        double referenceSpeed = request.budget() instanceof Budget.EqualTime ? referenceThroughput(listener) : 0;
        long wallStart = System.nanoTime();
        int vocabulary = corpus.tokenizer().vocabularySize();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            TrainingSession session = new TrainingSession(device, vocabulary);
            long seed = request.seed();
            TokenGrant.Grant grant = new TokenGrant(session, vocabulary, reference, referenceSpeed)
                    .grant(program, manager, request.budget(), seed, listener);
            if (grant.failure() != null) {
                return grant.failure();
            }
            TrainingOutcome outcome = session.train(program, manager, corpus.trainingSampler(seed), grant.budget(), seed,
                    request.curveLog(), listener);
            if (!outcome.trained()) {
                return outcome.failure();
            }
            listener.onPhase("scoring the held-out windows");
            ScoringPlan plan = ScoringPlan.draw(corpus.heldOutWindows(settings.heldOutWindow(), settings.heldOutEvery()));
            HeldOutEvaluator judge = new HeldOutEvaluator(plan, vocabulary);
            // in process there is no second process: the same model scores the checking rows
            Scorer.Result scored = new Scorer(plan.batches(), vocabulary).score(outcome.model(), manager, judge::accept);
            if (scored.failure() == null) {
                Scorer.Result checked = new Scorer(plan.checkBatches(), vocabulary).score(outcome.model(), manager,
                        judge::acceptCheck);
                scored = checked.failure() == null ? scored : checked;
            }
            if (scored.failure() != null) {
                return scored.failure().withLogTail(outcome.logTail());
            }
            Score score;
            switch (judge.verdict()) {
                case HeldOutEvaluator.Rejected rejected -> {
                    return EvaluationResult.failed(rejected.status(), rejected.reason(), outcome.logTail());
                }
                case HeldOutEvaluator.Measured measured -> score = new Score(measured.valLoss(), scored.flops());
            }
            String granted = grant.describe();
            return EvaluationResult.ok(
                    score.metrics(outcome.tokens(), outcome.steps(), outcome.trainSeconds(), peak,
                            (System.nanoTime() - wallStart) / 1e9, device.toString(), grant.speedTokensPerSecond()),
                    granted.isEmpty() ? "trained and measured" : "trained and measured; " + granted,
                    outcome.logTail());
        }
    }
}
