package darwin.trainer.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Variant;
import darwin.trainer.build.Compilation;
import darwin.trainer.build.SourceCompiler;
import darwin.trainer.data.Corpus;
import darwin.trainer.data.HeldOutWindows;
import darwin.trainer.device.Engines;
import darwin.trainer.harness.TokenGrant;
import darwin.trainer.harness.TrainingListener;
import darwin.trainer.measure.FlopCount;
import darwin.trainer.measure.Score;
import darwin.trainer.process.ProcessOutcome;
import darwin.trainer.process.ProcessRunner;
import darwin.trainer.process.ProcessSpec;
import darwin.trainer.resources.DatasetText;
import darwin.trainer.resources.ResolvedResources;
import darwin.trainer.resources.ResourceException;
import darwin.trainer.resources.ResourceStore;
import darwin.trainer.variant.FileTrees;
import darwin.trainer.variant.HarnessFiles;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Evaluates an untrusted variant: checks its harness files, compiles it in process, trains it in a
 * sandboxed child JVM under the budget, scores the trained weights in a second sandboxed child,
 * and turns every way this can go wrong into a result.
 *
 * <p>Isolation: the training child gets the variant's classes, the training tokens and a class
 * path without the corpus; it may write only its workspace, has no network (under bubblewrap),
 * is limited in heap and address space, and is killed with all its descendants at budget plus
 * grace. The scoring child gets the trained weights in a fresh workspace and the held-out tokens
 * through a pipe on its standard input. Both report through a line signed with a key only the
 * harness's code in the child knows ({@link ChildReport}); anything else they print counts for
 * nothing.
 *
 * <p>Resources: the datasets and libraries a variant's manifest lists are found and checked in the
 * store of {@link SandboxSettings#resources()} before anything else; the datasets' text follows the
 * corpus's training split in the training child's tokens (the held-out tokens stay the corpus's),
 * and the libraries' jars follow the harness's entries on the compiler's and both children's class
 * paths, so they cannot replace a harness class. A resource that cannot be found is a failure of
 * the harness, which is not cached.
 *
 * <p>Concurrency: an evaluator keeps no state between evaluations; several threads may evaluate at
 * once, each in its own workspaces.
 */
public final class SandboxEvaluator {

    /** Runs the child processes of evaluations, two per evaluation, while the evaluating thread watches them. */
    private static final ExecutorService CHILDREN = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "child-process");
        thread.setDaemon(true);
        return thread;
    });

    private final Corpus corpus;
    private final SandboxSettings settings;
    private final double peakFlops;
    private final double referenceThroughput;
    private final ProcessRunner runner;
    private final SourceCompiler compiler;
    private final List<Path> classpath;

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
            return run(variant, sources, resources, budget, seed, listener, root, logs, start);
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
            long seed, TrainingListener listener, Path root, Path logs, long start) throws IOException {
        int vocabulary = corpus.tokenizer().vocabularySize();
        Workspace train = new Workspace(Files.createDirectory(root.resolve("train")));
        Workspace.writeTokens(DatasetText.trainingTokens(corpus, resources.datasetTexts()), train.trainTokens());
        Workspace score = new Workspace(Files.createDirectory(root.resolve("score")));
        if (budget instanceof Budget.EqualTime && !(referenceThroughput > 0)) {
            return EvaluationResult.harnessFailure(
                    "an equal-time budget needs the seed's calibrated throughput, and the evaluator was given none", "");
        }
        Duration trainLimit = trainLimit(budget);

        // both children start at once and load their engines while the parent compiles the variant;
        // the training child begins to train once the classes are in place and both engines are
        // loaded, so neither the compiler nor the scoring child's start-up costs time or takes cores
        // from training
        byte[] scoreKey = ChildReport.newKey();
        List<Path> libraries = resources.libraryJars();
        ProcessSpec scoreSpec = spec(score, ScoreChild.class, libraries, List.of(
                "--entry", variant.entry(), "--seed", Long.toString(seed),
                "--vocabulary", Integer.toString(vocabulary), "--window", Integer.toString(settings.heldOutWindow()),
                "--every", Integer.toString(HeldOutWindows.DEFAULT_EVERY)),
                trainLimit.plus(settings.scoreLimit()).plus(settings.grace()), scoreInput(scoreKey));
        byte[] trainKey = ChildReport.newKey();
        List<String> trainArguments = new ArrayList<>(List.of(
                "--entry", variant.entry(), "--budget", budget.key(), "--seed", Long.toString(seed),
                "--vocabulary", Integer.toString(vocabulary)));
        if (budget instanceof Budget.EqualTime) {
            trainArguments.addAll(List.of("--reference-throughput", Double.toString(referenceThroughput)));
        }
        ProcessSpec trainSpec = spec(train, TrainChild.class, libraries, trainArguments, trainLimit, keyInput(trainKey));
        ReportWatch scoreReports = new ReportWatch(score, scoreKey);
        ReportWatch trainReports = new ReportWatch(train, trainKey);
        Future<ProcessOutcome> scoring = CHILDREN.submit(() -> runner.run(scoreSpec, scoreReports));
        Future<ProcessOutcome> training = CHILDREN.submit(() -> runner.run(trainSpec, trainReports));
        try {
            listener.onPhase("compiling " + variant.id());
            Compiled compiled = compile(variant, sources, resources);
            if (compiled.failure() != null) {
                return compiled.failure(); // the children are stopped below
            }
            train.writeClasses(compiled.classes());
            score.writeClasses(compiled.classes());
            listener.onPhase("training " + variant.id() + " for " + budget.describe()
                    + (sandboxed() ? " in a sandbox" : " (no sandbox on this machine)"));
            startTogether(train, training, score, scoring);
            ProcessOutcome trained;
            try {
                trained = await(training, "training");
            } finally {
                keep(logs, train.curve(), "curve.jsonl");
                keep(logs, train.stdout(), "train.stdout.log");
                keep(logs, train.stderr(), "train.stderr.log");
            }
            String trainTail = tail(trained);
            Optional<JsonNode> report = trainReports.report();
            if (report.isEmpty()) {
                return EvaluationResult.failed(classifyEnding(trained), reasonForEnding(trained, "training", budget), trainTail);
            }
            JsonNode trainReport = report.get();
            String status = trainReport.path("status").asText();
            if (!status.equals("TRAINED")) {
                return EvaluationResult.failed(statusOf(status), trainReport.path("reason").asText("no reason given"),
                        trainReport.path("logTail").asText(trainTail));
            }
            // read once: the bytes checked are the bytes the scoring child gets
            byte[] weights = Files.isRegularFile(train.weights()) ? Files.readAllBytes(train.weights()) : null;
            if (weights == null) {
                return EvaluationResult.failed(EvaluationStatus.VIOLATION,
                        "the trained weights were removed after the harness saved them", trainTail);
            }
            TokenGrant.Grant grant;
            try {
                grant = GrantReport.read(trainReport, budget);
            } catch (IllegalArgumentException e) {
                return EvaluationResult.harnessFailure("the training process's report is incomplete: " + e.getMessage(), trainTail);
            }
            long steps = trainReport.path("steps").asLong();
            long tokens = trainReport.path("tokens").asLong();
            double trainSeconds = trainReport.path("trainSeconds").asDouble();
            String curveTail = trainReport.path("logTail").asText("");

            listener.onPhase("scoring " + variant.id() + " on the held-out windows");
            Files.write(score.weights(), weights);
            Files.createFile(score.weightsReady());
            // checked while the scoring child reads them (tens of milliseconds with the client
            // compiler): its result counts only if they are the weights the harness saved
            if (!ChildReport.sha256(weights).equals(trainReport.path("weightsSha256").asText())) {
                return EvaluationResult.failed(EvaluationStatus.VIOLATION,
                        "the trained weights were changed after the harness saved them", trainTail);
            }
            FileTrees.deleteQuietly(train.root());
            ProcessOutcome scored = await(scoring, "scoring");
            keep(logs, score.stdout(), "score.stdout.log");
            keep(logs, score.stderr(), "score.stderr.log");
            Optional<JsonNode> scoreReport = scoreReports.report();
            if (scoreReport.isEmpty()) {
                return EvaluationResult.failed(classifyEnding(scored), reasonForEnding(scored, "scoring", budget), tail(scored));
            }
            JsonNode s = scoreReport.get();
            if (!s.path("status").asText().equals("OK")) {
                return EvaluationResult.failed(statusOf(s.path("status").asText()), s.path("reason").asText("no reason given"),
                        curveTail);
            }
            FlopCount flops = new FlopCount(s.path("parameters").asLong(), s.path("matmulParameters").asLong(),
                    s.path("layers").asInt(), s.path("width").asInt(), s.path("contextLength").asInt());
            Score result = new Score(s.path("valLoss").asDouble(), flops);
            String how = trained.sandboxed() && scored.sandboxed()
                    ? "trained and measured in a bubblewrap sandbox"
                    : "trained and measured WITHOUT a sandbox (bubblewrap is not available or not wanted here)";
            how += trainingText(resources, trainReport.path("trainingTokens").asLong());
            String granted = grant.describe();
            how += granted.isEmpty() ? "" : "; " + granted;
            return EvaluationResult.ok(result.metrics(tokens, steps, trainSeconds, peakFlops, (System.nanoTime() - start) / 1e9,
                    Engines.defaultDevice().toString(), grant.speedTokensPerSecond()), how, curveTail);
        } catch (ChildFailure e) {
            return e.result;
        } finally {
            training.cancel(true); // kills a child's tree if it is still running
            scoring.cancel(true);
        }
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
     * Waits until both children have loaded their engines, then lets the training child start; or
     * until the training child ended early (its report says why); or fails when the scoring child
     * ended or is not ready in time.
     */
    private void startTogether(Workspace train, Future<ProcessOutcome> training, Workspace score,
            Future<ProcessOutcome> scoring) throws ChildFailure, IOException {
        long deadline = System.nanoTime() + settings.grace().toNanos();
        while (!(Files.exists(train.engineReady()) && Files.exists(score.engineReady()))) {
            if (training.isDone()) {
                return;
            }
            if (scoring.isDone()) {
                ProcessOutcome outcome = await(scoring, "scoring");
                throw new ChildFailure(EvaluationResult.harnessFailure(
                        "the scoring process ended before it was ready: " + reasonForEnding(outcome, "scoring", null),
                        tail(outcome)));
            }
            if (System.nanoTime() > deadline) {
                throw new ChildFailure(EvaluationResult.harnessFailure(
                        "the child processes were not ready within " + settings.grace().toSeconds() + " s", ""));
            }
            pause();
        }
        Files.createFile(train.go());
    }

    /**
     * A child's signed report, watched for while the child runs. As the runner's finished-test it
     * says whether the report is out: the child's {@link Workspace#reported()} marker is there and
     * its output holds a report signed with its key. The output is read once, when the marker first
     * appears; a marker without a report (the variant's doing) leaves the child to end by itself.
     * The runner calls the test on its own thread; {@link #report()} is read after the child's
     * future is done.
     */
    private static final class ReportWatch implements BooleanSupplier {
        private final Workspace workspace;
        private final byte[] key;
        private boolean judged;
        private Optional<JsonNode> found = Optional.empty();

        ReportWatch(Workspace workspace, byte[] key) {
            this.workspace = workspace;
            this.key = key;
        }

        @Override
        public boolean getAsBoolean() {
            if (judged || !Files.exists(workspace.reported())) {
                return false;
            }
            judged = true;
            found = ChildReport.find(key, read(workspace.stdout()));
            return found.isPresent();
        }

        /** The report the test found, or else the one in the child's whole output now that it has ended. */
        Optional<JsonNode> report() {
            return found.isPresent() ? found : ChildReport.find(key, read(workspace.stdout()));
        }
    }

    private static void pause() throws ChildFailure {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildFailure(EvaluationResult.harnessFailure("interrupted", ""));
        }
    }

    private static ProcessOutcome await(Future<ProcessOutcome> child, String what) throws ChildFailure {
        try {
            return child.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildFailure(EvaluationResult.harnessFailure("interrupted", ""));
        } catch (ExecutionException e) {
            throw new ChildFailure(EvaluationResult.harnessFailure(
                    "cannot run the " + what + " process: " + e.getCause().getMessage(), ""));
        }
    }

    /** A child's failure that ends the evaluation with a result. */
    private static final class ChildFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient EvaluationResult result;

        ChildFailure(EvaluationResult result) {
            super(result.reason(), null, false, false);
            this.result = result;
        }
    }

    /** What the OK reason says of the training text when datasets were added to it; nothing otherwise. */
    private String trainingText(ResolvedResources resources, long trainingTokens) {
        int count = resources.datasetTexts().size();
        return count == 0 ? "" : String.format(Locale.ROOT, ", on %,d training tokens: the corpus's %,d and %,d from %d dataset%s",
                trainingTokens, corpus.trainSize(), trainingTokens - corpus.trainSize(), count, count == 1 ? "" : "s");
    }

    private ProcessSpec spec(Workspace workspace, Class<?> main, List<Path> libraries, List<String> arguments, Duration limit,
            byte[] input) {
        // the libraries go after the harness's entries, so that none of them can replace a harness class
        List<Path> childClasspath = new ArrayList<>(classpath);
        childClasspath.addAll(libraries);
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        if (settings.memoryLimitBytes() > 0) {
            command.addAll(List.of("prlimit", "--as=" + settings.memoryLimitBytes(), "--"));
        }
        command.addAll(List.of(launcher.toString(),
                "-Xmx" + settings.heap(),
                "-Xss4m",
                "-XX:+UseSerialGC"));
        if (main == ScoreChild.class) {
            // its Java work is the dispatch of a thousand-odd engine calls: the optimizing
            // compiler would take CPU from the training child while both start, and save nothing
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(List.of(
                "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=" + settings.threads(),
                "-Dai.djl.pytorch.num_interop_threads=1",
                "--enable-native-access=ALL-UNNAMED",
                "-cp", String.join(File.pathSeparator, childClasspath.stream().map(Path::toString).toList()),
                main.getName()));
        command.addAll(arguments);
        List<Path> readable = new ArrayList<>(childClasspath);
        readable.add(Path.of(System.getProperty("java.home")));
        Path djlCache = Engines.nativeCache();
        readable.add(djlCache);
        ProcessSpec spec = ProcessSpec.of(command, workspace.root(), limit)
                .withSandbox(settings.mode())
                .withReadOnlyPaths(readable)
                .withVariable("DJL_CACHE_DIR", djlCache.toString())
                .withVariable("ENGINE_CACHE_DIR", djlCache.toString())
                .withVariable("MALLOC_ARENA_MAX", "2")
                .withInput(input);
        for (var variable : settings.threadWait().environment().entrySet()) {
            spec = spec.withVariable(variable.getKey(), variable.getValue());
        }
        return spec;
    }

    private static byte[] keyInput(byte[] key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(key.length);
            out.write(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private byte[] scoreInput(byte[] key) {
        int[] heldOut = corpus.heldOutTokens();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + key.length + 4 * heldOut.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(key.length);
            out.write(key);
            out.writeInt(heldOut.length);
            for (int token : heldOut) {
                out.writeInt(token);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The status of a child that sent no report. */
    static EvaluationStatus classifyEnding(ProcessOutcome outcome) {
        if (outcome.timedOut()) {
            return EvaluationStatus.TIMEOUT;
        }
        String err = outcome.stderrTail().toLowerCase(Locale.ROOT);
        if (err.contains("outofmemoryerror") || err.contains("cannot allocate memory") || err.contains("can't allocate")
                || err.contains("std::bad_alloc") || outcome.exitCode().orElse(0) == 137) {
            return EvaluationStatus.OUT_OF_MEMORY;
        }
        return EvaluationStatus.RUNTIME_ERROR;
    }

    static String reasonForEnding(ProcessOutcome outcome, String what, Budget budget) {
        if (outcome.timedOut()) {
            return "the " + what + " process ran past its limit of " + outcome.wallTime().toSeconds() + " s"
                    + (budget == null ? "" : " (" + budget.describe() + " plus grace)") + " and was stopped";
        }
        if (classifyEnding(outcome) == EvaluationStatus.OUT_OF_MEMORY) {
            return "the " + what + " process ran out of memory";
        }
        return "the " + what + " process ended" + outcome.exitCode().stream().mapToObj(c -> " with status " + c).findFirst().orElse("")
                + " without reporting a result (did the program call System.exit or crash the JVM?)";
    }

    private static EvaluationStatus statusOf(String name) {
        try {
            EvaluationStatus status = EvaluationStatus.valueOf(name);
            return status == EvaluationStatus.OK ? EvaluationStatus.RUNTIME_ERROR : status;
        } catch (IllegalArgumentException e) {
            return EvaluationStatus.RUNTIME_ERROR;
        }
    }

    private static String tail(ProcessOutcome outcome) {
        String out = outcome.stdoutTail().strip();
        String err = outcome.stderrTail().strip();
        return (out.isEmpty() ? "" : "stdout:\n" + out + "\n") + (err.isEmpty() ? "" : "stderr:\n" + err);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void keep(Path logs, Path file, String name) {
        if (logs == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            Files.createDirectories(logs);
            Files.copy(file, logs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // logs are a courtesy; the result does not depend on them
        }
    }

}
