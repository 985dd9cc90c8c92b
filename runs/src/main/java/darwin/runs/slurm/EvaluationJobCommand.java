package darwin.runs.slurm;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.Variant;
import darwin.trainer.cache.ResultKey;
import darwin.trainer.data.Corpus;
import darwin.trainer.device.Engines;
import darwin.trainer.harness.Harness;
import darwin.trainer.harness.HarnessSettings;
import darwin.trainer.harness.TrainingListener;
import darwin.trainer.process.ProcessRunner;
import darwin.trainer.sandbox.SandboxEvaluator;
import darwin.trainer.sandbox.SandboxSettings;
import darwin.trainer.variant.VariantDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code darwin evaluation-job FOLDER}, hidden: what an evaluation's batch job runs on its node.
 * It evaluates the variant of the folder's order in the same sandbox, with the same children, as a
 * local slot would ({@link SandboxEvaluator}), the peak FLOP/s (and, under equal time, the seed's
 * throughput) calibrated on this node, and writes the result signed with the folder's key,
 * atomically, where the loop reads it. Every attempt of the job does the whole evaluation again.
 */
@Command(name = EvaluationJobCommand.NAME, hidden = true,
        description = "Evaluate the variant of a Slurm job's folder and write its signed result (run by the job itself).")
public final class EvaluationJobCommand implements Callable<Integer> {

    /** The command's name in a job's script. */
    public static final String NAME = "evaluation-job";

    @Parameters(paramLabel = "FOLDER", description = "The job's folder, on the file system the nodes share.")
    Path folder;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        JobFolder job = new JobFolder(folder);
        JobOrder order = job.readOrder();
        byte[] secret = job.readSecret();
        ResultKey key = order.key();
        Variant variant = VariantDirectory.read(job.variant());
        if (!variant.id().equals(key.variantId())) {
            throw new IllegalStateException(job.variant() + " holds variant " + variant.id() + ", not " + key.variantId());
        }
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onPhase(String phase) {
                out.println("darwin: " + phase);
                out.flush();
            }
        };
        String restart = System.getenv().getOrDefault("SLURM_RESTART_COUNT", "0");
        listener.onPhase("evaluating " + variant.id() + " for " + key.budget().describe() + ", seed " + key.seed()
                + " (job " + System.getenv().getOrDefault("SLURM_JOB_ID", "?") + ", restart " + restart + ")");
        String tmp = System.getenv("TMPDIR");
        Path workRoot = Path.of(tmp == null || tmp.isBlank() ? System.getProperty("java.io.tmpdir") : tmp, "darwin-sandbox");
        SandboxSettings settings = order.sandboxSettings(workRoot);
        Engines.configure(settings.threads(), 1); // loaded only if the peak must be calibrated on this node
        double peak = Harness.devicePeak(HarnessSettings.defaults(), Engines.defaultDevice(), listener);
        Corpus corpus = Corpus.tinyShakespeare();
        double reference = key.budget() instanceof Budget.EqualTime
                ? Harness.referenceThroughput(HarnessSettings.defaults(), corpus, Engines.defaultDevice(), listener) : 0;
        SandboxEvaluator sandbox = new SandboxEvaluator(corpus, settings, peak, reference, new ProcessRunner());
        EvaluationResult result = sandbox.evaluate(variant, key.budget(), key.seed(), listener, job.logs());
        job.writeResult(secret, key, result);
        listener.onPhase("the evaluation ended " + result.status() + ": " + result.reason());
        return 0;
    }
}
