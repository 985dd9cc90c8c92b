package darwin.runs;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.Variant;
import darwin.runs.config.Settings;
import darwin.trainer.cache.ResultCache;
import darwin.trainer.cache.ResultKey;
import darwin.trainer.data.Corpus;
import darwin.trainer.device.DevicePlan;
import darwin.trainer.device.Engines;
import darwin.trainer.device.ThreadWait;
import darwin.trainer.harness.Harness;
import darwin.trainer.harness.HarnessSettings;
import darwin.trainer.process.ProcessRunner;
import darwin.trainer.process.SandboxMode;
import darwin.trainer.sandbox.LocalEvaluator;
import darwin.trainer.sandbox.SandboxEvaluator;
import darwin.trainer.sandbox.SandboxSettings;
import darwin.trainer.variant.VariantDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code darwin evaluate DIR}: builds and trains the variant in DIR in the sandbox and measures it. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {"Build, train and measure the variant in DIR in a sandboxed child process.",
                "Results are cached in DIR/results/: an unchanged variant is not trained twice."})
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "A variant directory (start from: darwin seed --out DIR).")
    Path dir;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    BudgetOptions budget;

    @Option(names = "--seed", defaultValue = "1337", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON object instead of a summary.")
    boolean json;

    @Option(names = "--sandbox", defaultValue = "auto", paramLabel = "MODE",
            description = "auto (bubblewrap when it works here), bubblewrap (required) or none (default: ${DEFAULT-VALUE}).")
    String sandbox;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = {"Evaluate N times, with seeds SEED, SEED+1, …, and report the mean and spread:"
                    + " how much of a difference between variants is noise (default: ${DEFAULT-VALUE})."})
    int repeat;

    @Option(names = "--no-cache", description = "Evaluate again even if a result is cached.")
    boolean noCache;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Engine threads of the training process (default: all cores).")
    int threads;

    @Option(names = "--thread-wait", paramLabel = "POLICY", defaultValue = "spin",
            description = "How the engine's threads wait for each other: spin (the default, fastest on a machine"
                    + " nothing else uses) or passive (for a shared machine: another process on one core slows training"
                    + " about 1.1 times, not 30). Results are cached per policy.")
    String threadWait;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto",
            description = "Where to train: auto (the GPUs the engine can use, else the CPU, saying why), cpu, or cuda"
                    + " (stops with the cause when the engine has no GPU). Results are cached per device.")
    String device;

    @Option(names = "--peak-flops", paramLabel = "F", defaultValue = "0",
            description = "The device's peak FLOP/s, instead of the calibrated figure.")
    double peakFlops;

    @Option(names = "--reference-throughput", paramLabel = "T", defaultValue = "0",
            description = "The seed's training tokens/s on this machine, which --equal-time counts in, instead of the "
                    + "calibrated figure.")
    double referenceThroughput;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Budget chosen = BudgetOptions.resolve(budget, Budget.steps(2000));
        SandboxMode mode = switch (sandbox) {
            case "auto" -> SandboxMode.AUTO;
            case "bubblewrap" -> SandboxMode.BUBBLEWRAP;
            case "none" -> SandboxMode.NONE;
            default -> throw new IllegalArgumentException("--sandbox must be auto, bubblewrap or none, got " + sandbox);
        };
        ThreadWait wait = Settings.THREAD_WAIT.parse(threadWait);
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be positive, got " + threads);
        }
        if (referenceThroughput < 0) {
            throw new IllegalArgumentException("--reference-throughput must be a positive number of tokens/s, got " + referenceThroughput);
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1, got " + repeat);
        }
        Variant variant = VariantDirectory.read(dir);
        int childThreads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        PrintWriter err = spec.commandLine().getErr();
        ProgressLine progress = new ProgressLine(err, chosen, ProgressLine.isTerminal());
        ResultCache cache = ResultCache.forVariant(variant.id(), dir);
        Engines.configure(childThreads, 1); // loaded only if the device or the peak needs it
        DevicePlan plan = Devices.plan(Settings.DEVICE.parse(device), progress);
        String deviceKey = plan.deviceKey(childThreads, wait);
        PrintWriter out = spec.commandLine().getOut();
        LocalEvaluator evaluator = null;
        List<EvaluationResult> results = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (long runSeed = seed; runSeed < seed + repeat; runSeed++) {
            ResultKey key = new ResultKey(variant.id(), chosen, runSeed, deviceKey);
            if (noCache) {
                cache.invalidate(key);
            }
            long lookup = System.nanoTime();
            Optional<EvaluationResult> known = cache.get(key);
            double lookupSeconds = (System.nanoTime() - lookup) / 1e9;
            EvaluationResult result;
            if (known.isPresent()) {
                progress.onPhase("using the cached result of " + variant.id() + " for " + chosen.describe() + ", seed "
                        + runSeed + " (--no-cache evaluates again)");
                result = known.get();
            } else {
                if (evaluator == null) {
                    Engines.configure(childThreads, 1); // loaded only if the peak must be calibrated
                    HarnessSettings harness = HarnessSettings.defaults().withPeakFlops(peakFlops)
                            .withReferenceThroughput(referenceThroughput);
                    Corpus corpus = Corpus.tinyShakespeare();
                    double peak = Harness.devicePeak(harness, Engines.defaultDevice(), progress);
                    Devices.reportPeak(plan, peak, progress);
                    double reference = chosen instanceof Budget.EqualTime
                            ? Harness.referenceThroughput(harness, corpus, Engines.defaultDevice(), progress) : 0;
                    SandboxEvaluator sandboxEvaluator = new SandboxEvaluator(corpus,
                            SandboxSettings.defaults().withThreads(childThreads).withThreadWait(wait).withMode(mode).withDevice(plan)
                                    .withResources(dir.resolve(VariantDirectory.RESOURCES)),
                            peak, reference, new ProcessRunner());
                    evaluator = new LocalEvaluator(sandboxEvaluator, 1, cache, deviceKey,
                            id -> null, progress);
                }
                result = evaluator.evaluate(variant, chosen, runSeed, dir.resolve("results").resolve(key.fileStem()));
            }
            progress.finish();
            results.add(result);
            Path curve = dir.resolve("results").resolve(key.fileStem()).resolve("curve.jsonl");
            if (json) {
                lines.add(ResultJson.of(result, curve, variant.id(), known.isPresent(), lookupSeconds));
            } else {
                out.printf("variant         %s, seed %d%s%n", variant.id(), runSeed, known.isPresent() ? " (cached result)" : "");
                out.print(ResultSummary.of(result, curve));
                out.println();
            }
        }
        if (json) {
            out.println(repeat == 1 ? lines.getFirst() : ResultJson.repeated(variant.id(), lines, results));
        } else if (repeat > 1) {
            out.print(ResultSummary.spread(results));
        }
        out.flush();
        return results.stream().allMatch(r -> r.status().measured()) ? 0 : 1;
    }
}
