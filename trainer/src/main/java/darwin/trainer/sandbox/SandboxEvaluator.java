package darwin.trainer.sandbox;

import ai.djl.Device;
import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Variant;
import darwin.trainer.build.Compilation;
import darwin.trainer.build.SourceCompiler;
import darwin.trainer.data.Corpus;
import darwin.trainer.data.HeldOutWindows;
import darwin.trainer.device.DevicePlan;
import darwin.trainer.harness.TokenGrant;
import darwin.trainer.harness.TrainingListener;
import darwin.trainer.measure.HeldOutEvaluator;
import darwin.trainer.measure.Score;
import darwin.trainer.measure.ScoringPlan;
import darwin.trainer.process.ProcessOutcome;
import darwin.trainer.process.ProcessRunner;
import darwin.trainer.process.ProcessSpec;
import darwin.trainer.resources.DatasetText;
import darwin.trainer.resources.ResolvedResources;
import darwin.trainer.resources.ResourceException;
import darwin.trainer.resources.ResourceStore;
import darwin.trainer.variant.FileTrees;
import darwin.trainer.variant.HarnessFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Evaluates an untrusted variant: checks its harness files, compiles it in process, trains it in a
 * sandboxed child JVM under the budget, scores the trained weights in a second sandboxed child,
 * and turns every way this can go wrong into a result.
 *
 * <p>Isolation: the training child gets the variant's classes, the training tokens through a pipe
 * on its standard input (never as a file) and a class path without the corpus; it may write only its workspace, has no network (under bubblewrap),
 * is limited in heap and address space, and is killed with all its descendants at budget plus
 * grace. Two scoring children each get the trained weights in a fresh workspace and their rows of a
 * {@link ScoringPlan} through a pipe on their standard input (the first the held-out windows, the
 * second the rows that check them, which it scores without ever seeing the windows), and give back
 * only the model's logits ({@link LogitsFile}), from which this class computes the held-out loss. Both report through a
 * line signed with a key only the harness's code in the child knows ({@link ChildReport}); anything
 * else they print counts for nothing.
 *
 * <p>Resources: the datasets and libraries a variant's manifest lists are found and checked in the
 * store of {@link SandboxSettings#resources()} before anything else; the datasets' text follows the
 * corpus's training split in the training child's tokens (the held-out tokens stay the corpus's),
 * and the libraries' jars follow the harness's entries on the compiler's and both children's class
 * paths, so they cannot replace a harness class. A resource that cannot be found is a failure of
 * the harness, which is not cached.
 *
 * <p>Parts: {@link ChildCommand} makes each child's command line, {@link ChildArguments} and
 * {@link ChildInput} what it is told, {@link ChildPair} starts the two and runs the handshake,
 * {@link ReportWatch} reads their reports ({@link TrainReport}, {@link ScoreReport}, through
 * {@link ReportJson}) or, when there is none, how they ended ({@link UnreportedEnding}), and
 * {@link EvaluationLogs} keeps their logs. This class orchestrates: checks, compiling, the order of
 * the steps, and the result.
 *
 * <p>Concurrency: an evaluator keeps no state between evaluations; several threads may evaluate at
 * once, each in its own workspaces.
 */
public final class SandboxEvaluator {

    private final Corpus corpus;
    private final SandboxSettings settings;
    private final double peakFlops;
    private final double referenceThroughput;
    private final ProcessRunner runner;
    private final SourceCompiler compiler;
    private final List<Path> classpath;
    private final ChildCommand command;

    /**
     * An evaluator for every budget but equal time, which needs the seed's calibrated throughput.
     *
     * @param peakFlops the peak FLOP/s of the device with {@code settings.threads()} threads
     */
    public SandboxEvaluator(Corpus corpus, SandboxSettings settings, double peakFlops, ProcessRunner runner) {
        this(corpus, settings, peakFlops, 0, runner);
    }

    /**
     * @param peakFlops the peak FLOP/s of the device with {@code settings.threads()} threads
     * @param referenceThroughput the seed's training tokens per second on the device with
     *     {@code settings.threads()} threads, which equal-time budgets are counted in; 0 for none
     *     (an equal-time evaluation then fails as a fault of the harness)
     */
    public SandboxEvaluator(Corpus corpus, SandboxSettings settings, double peakFlops, double referenceThroughput,
            ProcessRunner runner) {
        if (!(peakFlops > 0)) {
            throw new IllegalArgumentException("the peak FLOP/s must be positive, got " + peakFlops);
        }
        if (!(referenceThroughput >= 0) || Double.isInfinite(referenceThroughput)) {
            throw new IllegalArgumentException("the reference throughput must be positive (or 0 for none), got "
                    + referenceThroughput);
        }
        this.corpus = corpus;
        this.settings = settings;
        this.peakFlops = peakFlops;
        this.referenceThroughput = referenceThroughput;
        this.runner = runner;
        this.classpath = ChildClasspath.current();
        this.compiler = ChildClasspath.compiler();
        this.command = new ChildCommand(settings, classpath);
    }

    /** Whether children run inside bubblewrap on this machine. */
    public boolean sandboxed() {
        return switch (settings.mode()) {
            case NONE -> false;
            case AUTO -> runner.canSandbox();
            case BUBBLEWRAP -> true;
        };
    }

    /**
     * Evaluates a variant. Never throws for the variant's fault.
     *
     * @param logs a folder that receives the children's logs and the training curve, or {@code null}
     */
    public EvaluationResult evaluate(Variant variant, Budget budget, long seed, TrainingListener listener, Path logs) {
        return evaluate(variant, budget, seed, listener, logs, 0);
    }

    /**
     * Evaluates a variant in evaluation slot {@code slot}, whose children train and score on that
     * slot's GPU on a GPU plan ({@link SandboxSettings#device()}). Never throws for the variant's fault.
     *
     * @param logs a folder that receives the children's logs and the training curve, or {@code null}
     */
    public EvaluationResult evaluate(Variant variant, Budget budget, long seed, TrainingListener listener, Path logs, int slot) {
        long start = System.nanoTime();
        Optional<String> tampering = HarnessFiles.tampering(variant);
        if (tampering.isPresent()) {
            return EvaluationResult.failed(EvaluationStatus.VIOLATION, tampering.get(), "");
        }
        ResolvedResources resources;
        try {
            resources = ResourceStore.resolve(variant, settings.resourceStore());
        } catch (ResourceException e) {
            return EvaluationResult.harnessFailure(e.getMessage(), "");
        }
        Map<String, String> sources = new TreeMap<>();
        variant.sources().forEach((path, content) -> {
            if (HarnessFiles.isMutable(path)) {
                sources.put(path, content);
            }
        });
        if (sources.isEmpty()) {
            return EvaluationResult.failed(EvaluationStatus.COMPILE_ERROR, "the variant has no Java sources under program/", "");
        }
        Path root = null;
        try {
            Files.createDirectories(settings.workRoot());
            root = Files.createTempDirectory(settings.workRoot(), "eval-" + variant.id() + "-");
            return run(variant, sources, resources, budget, seed, listener, root, logs, start, slot);
        } catch (IOException e) {
            return EvaluationResult.harnessFailure("could not prepare the evaluation: " + e.getMessage(), "");
        } finally {
            if (root != null) {
                FileTrees.deleteQuietly(root);
            }
        }
    }

    /** The variant's classes, or the result that ends the evaluation: a compile error or a violation. */
    private Compiled compile(Variant variant, Map<String, String> sources, ResolvedResources resources) {
        Compilation compilation = compiler.compile(sources, resources.libraryJars());
        if (!compilation.succeeded()) {
            var errors = compilation.errors();
            String first = errors.isEmpty() ? "" : ": " + errors.getFirst().path() + ":" + errors.getFirst().line() + ": "
                    + errors.getFirst().message().lines().findFirst().orElse("");
            return Compiled.failed(EvaluationResult.failed(EvaluationStatus.COMPILE_ERROR,
                    errors.size() + (errors.size() == 1 ? " compile error" : " compile errors") + first, compilation.report()));
        }
        Map<String, byte[]> classes = compilation.classes();
        Optional<String> shadow = VariantClassLoader.shadowing(classes.keySet());
        if (shadow.isPresent()) {
            return Compiled.failed(EvaluationResult.failed(EvaluationStatus.VIOLATION,
                    "the variant defines " + shadow.get() + " in a package of the harness or its libraries", ""));
        }
        if (!classes.containsKey(variant.entry())) {
            return Compiled.failed(EvaluationResult.failed(EvaluationStatus.VIOLATION,
                    "the entry class " + variant.entry() + " is not among the variant's classes", ""));
        }
        return new Compiled(classes, null);
    }

    /** Compiled classes or the result that ends the evaluation. */
    private record Compiled(Map<String, byte[]> classes, EvaluationResult failure) {
        static Compiled failed(EvaluationResult failure) {
            return new Compiled(null, failure);
        }
    }

    private EvaluationResult run(Variant variant, Map<String, String> sources, ResolvedResources resources, Budget budget,
            long seed, TrainingListener listener, Path root, Path logFolder, long start, int slot) throws IOException {
        int vocabulary = corpus.tokenizer().vocabularySize();
        Workspace train = new Workspace(Files.createDirectory(root.resolve("train")));
        Workspace score = new Workspace(Files.createDirectory(root.resolve("score")));
        Workspace check = new Workspace(Files.createDirectory(root.resolve("check")));
        if (budget instanceof Budget.EqualTime && !(referenceThroughput > 0)) {
            return EvaluationResult.harnessFailure(
                    "an equal-time budget needs the seed's calibrated throughput, and the evaluator was given none", "");
        }
        Duration trainLimit = trainLimit(budget);
        EvaluationLogs logs = new EvaluationLogs(logFolder);

        // the three children start at once and load their engines while the parent compiles the
        // variant; the training child begins to train once the classes are in place and every
        // engine is loaded, so neither the compiler nor the scoring children's start-up costs time
        // or takes cores from training
        List<Path> libraries = resources.libraryJars();
        // drawn afresh for every evaluation, so that the program cannot know which rows check it
        ScoringPlan plan = ScoringPlan.draw(corpus.heldOutWindows(settings.heldOutWindow(), HeldOutWindows.DEFAULT_EVERY));
        Duration scoreLimit = trainLimit.plus(settings.scoreLimit()).plus(settings.grace());
        List<String> scoreArguments = ChildArguments.forScoring(variant.entry(), vocabulary);
        byte[] scoreKey = ChildReport.newKey();
        ProcessSpec scoreSpec = command.scoring(slot, score, libraries, scoreArguments, scoreLimit,
                ChildInput.forScoring(scoreKey, plan.batches()));
        // the rows that check the scored ones, in a process that never sees those
        byte[] checkKey = ChildReport.newKey();
        ProcessSpec checkSpec = command.checking(slot, check, libraries, scoreArguments, scoreLimit,
                ChildInput.forScoring(checkKey, plan.checkBatches()));
        byte[] trainKey = ChildReport.newKey();
        ProcessSpec trainSpec = command.training(slot, train, libraries,
                ChildArguments.forTraining(variant.entry(), budget, seed, vocabulary, referenceThroughput), trainLimit,
                ChildInput.forTraining(trainKey, DatasetText.trainingTokens(corpus, resources.datasetTexts())));
        ChildPair children = ChildPair.start(runner, train, trainSpec, trainKey,
                new ChildPair.ScoringStart(score, scoreSpec, scoreKey), new ChildPair.ScoringStart(check, checkSpec, checkKey));
        try {
            listener.onPhase("compiling " + variant.id());
            Compiled compiled = compile(variant, sources, resources);
            if (compiled.failure() != null) {
                return compiled.failure(); // the children are stopped below
            }
            train.writeClasses(compiled.classes());
            score.writeClasses(compiled.classes());
            check.writeClasses(compiled.classes());
            listener.onPhase("training " + variant.id() + " for " + budget.describe()
                    + (sandboxed() ? " in a sandbox" : " (no sandbox on this machine)"));
            children.startTogether(settings.grace());
            ProcessOutcome trained;
            try {
                trained = children.awaitTraining(budget);
            } finally {
                logs.keepTraining(train);
            }
            String trainTail = EvaluationLogs.tail(trained);
            TrainReport trainReport = children.trainReport(trained, budget);
            TrainReport.Trained done;
            switch (trainReport.ending()) {
                case ReportedFailure failure -> {
                    return failure.result(trainReport.logTail().orElse(trainTail));
                }
                case TrainReport.Trained t -> done = t;
            }
            // read once: the bytes checked are the bytes the scoring child gets
            byte[] weights;
            try {
                weights = UntrustedFile.read(train.weights(), Integer.MAX_VALUE - 8);
            } catch (IOException e) {
                return EvaluationResult.failed(EvaluationStatus.VIOLATION,
                        "the trained weights were removed or replaced after the harness saved them: " + e.getMessage(), trainTail);
            }
            TokenGrant.Grant grant;
            try {
                grant = done.grant().grant(budget);
            } catch (IllegalArgumentException e) {
                return EvaluationResult.harnessFailure("the training process's report is incomplete: " + e.getMessage(), trainTail);
            }
            String curveTail = trainReport.logTail().orElse("");

            listener.onPhase("scoring " + variant.id() + " on the held-out windows");
            children.handOver(weights);
            // checked while the scoring child reads them (tens of milliseconds with the client
            // compiler): its result counts only if they are the weights the harness saved
            if (!ChildReport.sha256(weights).equals(done.weightsSha256())) {
                return EvaluationResult.failed(EvaluationStatus.VIOLATION,
                        "the trained weights were changed after the harness saved them", trainTail);
            }
            FileTrees.deleteQuietly(train.root());
            ProcessOutcome scored = children.awaitScoring();
            logs.keepScoring(score);
            ScoreReport scoreReport = children.scoreReport(scored, budget);
            if (scoreReport.ending() instanceof ReportedFailure failure) {
                return failure.result(curveTail);
            }
            ProcessOutcome checked = children.awaitChecking();
            logs.keepChecking(check);
            if (children.checkReport(checked, budget).ending() instanceof ReportedFailure failure) {
                return failure.result(curveTail);
            }
            return switch (scoreReport.ending()) {
                case ReportedFailure failure -> failure.result(curveTail);
                // the loss is computed here, from the logits as plain numbers, never taken from the child
                case ScoreReport.Scored s -> switch (LogitsFile.judge(score.logits(), check.logits(), plan, vocabulary)) {
                    case HeldOutEvaluator.Rejected rejected -> EvaluationResult.failed(rejected.status(), rejected.reason(),
                            curveTail);
                    case HeldOutEvaluator.Measured measured -> EvaluationResult.ok(new Score(measured.valLoss(), s.flops())
                            .metrics(done.tokens(), done.steps(), done.trainSeconds(), peakFlops,
                                    (System.nanoTime() - start) / 1e9, deviceOf(slot),
                                    grant.speedTokensPerSecond()),
                            how(trained.sandboxed() && scored.sandboxed() && checked.sandboxed(), resources, trainReport.trainingTokens(), grant),
                            curveTail);
                };
            };
        } catch (ChildFailure e) {
            return e.result();
        } finally {
            children.stop(); // kills a child's tree if it is still running
        }
    }

    /** The device a slot's result records: {@code cpu()}, or {@code gpu(2) NVIDIA H100 80GB HBM3}. */
    String deviceOf(int slot) {
        DevicePlan plan = settings.device();
        return plan.cuda() ? "gpu(" + plan.gpu(slot).id() + ") " + plan.gpu(slot).name() : Device.cpu().toString();
    }

    /**
     * How long a training child may run: budget plus grace under a time budget; under every budget
     * whose time depends on the program or on how busy the host is (steps, tokens, FLOPs, equal
     * time), the limit for step budgets. An equal-time training takes about its seconds on a host
     * as fast as when the seed was calibrated, but a host that others load to several times its
     * cores runs it several times longer, and a stop there would be cached as the variant's
     * {@code TIMEOUT}.
     */
    Duration trainLimit(Budget budget) {
        return switch (budget) {
            case Budget.Steps s -> settings.stepBudgetLimit();
            case Budget.Tokens t -> settings.stepBudgetLimit();
            case Budget.Flops f -> settings.stepBudgetLimit();
            case Budget.EqualTime e -> settings.stepBudgetLimit();
            case Budget.Seconds s -> Duration.ofMillis((long) (s.seconds() * 1000)).plus(settings.grace());
        };
    }

    /**
     * The reason of an OK result: whether both children ran in a sandbox, the training text when
     * datasets were added to it, and what the budget was granted as.
     */
    private String how(boolean sandboxed, ResolvedResources resources, long trainingTokens, TokenGrant.Grant grant) {
        String how = sandboxed
                ? "trained and measured in a bubblewrap sandbox"
                : "trained and measured WITHOUT a sandbox (bubblewrap is not available or not wanted here)";
        int count = resources.datasetTexts().size();
        if (count > 0) {
            how += String.format(Locale.ROOT, ", on %,d training tokens: the corpus's %,d and %,d from %d dataset%s",
                    trainingTokens, corpus.trainSize(), trainingTokens - corpus.trainSize(), count, count == 1 ? "" : "s");
        }
        String granted = grant.describe();
        return granted.isEmpty() ? how : how + "; " + granted;
    }
}
