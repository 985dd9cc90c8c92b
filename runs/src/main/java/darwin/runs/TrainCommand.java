package darwin.runs;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.trainer.data.Corpus;
import darwin.trainer.data.HeldOutWindows;
import darwin.trainer.device.Engines;
import darwin.trainer.harness.Harness;
import darwin.trainer.harness.HarnessSettings;
import darwin.trainer.harness.TrainingRequest;
import darwin.program.NanoGpt;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code darwin train}: trains the seed program once and reports what the harness measured. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train the seed nanoGPT program once on tinyshakespeare and measure it.")
final class TrainCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    BudgetOptions budget;

    @Option(names = "--seed", defaultValue = "1337", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON object instead of a summary.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the training curve is written (default: out/train-<time>).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Intra-op threads of the engine (default: all cores).")
    int threads;

    @Option(names = "--peak-flops", paramLabel = "F", defaultValue = "0",
            description = "The device's peak FLOP/s, instead of the calibrated figure.")
    double peakFlops;

    @Option(names = "--reference-throughput", paramLabel = "T", defaultValue = "0",
            description = "The seed's training tokens/s on this machine, which --equal-time counts in, instead of the "
                    + "calibrated figure.")
    double referenceThroughput;

    @Option(names = "--recalibrate",
            description = "Calibrate the peak FLOP/s and the seed's training throughput again before training; the "
                    + "cache keeps the higher of the new and the cached figures (a busy moment on a shared host gives "
                    + "a low one).")
    boolean recalibrate;

    @Option(names = "--held-out-every", paramLabel = "K", defaultValue = "" + HeldOutWindows.DEFAULT_EVERY,
            description = "Score every K-th held-out window (default: ${DEFAULT-VALUE}, as evaluations do; "
                    + "1 scores the whole held-out split).")
    int heldOutEvery;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Budget chosen = BudgetOptions.resolve(budget, Budget.steps(2000));
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be positive, got " + threads);
        }
        if (heldOutEvery < 1) {
            throw new IllegalArgumentException("--held-out-every must be at least 1, got " + heldOutEvery);
        }
        if (recalibrate && peakFlops > 0) {
            throw new IllegalArgumentException("--recalibrate and --peak-flops exclude each other: --peak-flops replaces the calibration");
        }
        if (recalibrate && referenceThroughput > 0) {
            throw new IllegalArgumentException(
                    "--recalibrate and --reference-throughput exclude each other: --reference-throughput replaces the calibration");
        }
        if (referenceThroughput < 0) {
            throw new IllegalArgumentException("--reference-throughput must be a positive number of tokens/s, got " + referenceThroughput);
        }
        HarnessSettings settings = HarnessSettings.defaults().withPeakFlops(peakFlops).withHeldOutEvery(heldOutEvery)
                .withReferenceThroughput(referenceThroughput);
        Path dir = out != null ? out : Path.of("out", "train-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the output directory " + dir + " (" + e.getMessage() + ")", e);
        }
        Path curve = dir.resolve("curve.jsonl");
        PrintWriter err = spec.commandLine().getErr();
        Engines.load(threads, 0);
        Corpus corpus = Corpus.tinyShakespeare();
        Harness harness = new Harness(corpus, settings);
        ProgressLine progress = new ProgressLine(err, chosen, ProgressLine.isTerminal());
        if (recalibrate) {
            Harness.recalibratePeak(settings, harness.device(), progress);
            Harness.recalibrateReferenceThroughput(settings, corpus, harness.device(), progress);
        }
        EvaluationResult result = harness.evaluate(new NanoGpt(), new TrainingRequest(chosen, seed, curve, progress));
        progress.finish();
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(ResultJson.of(result, curve));
        } else {
            stdout.print(ResultSummary.of(result, curve));
        }
        stdout.flush();
        return result.status().measured() ? 0 : 1;
    }
}
