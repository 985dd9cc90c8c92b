package darwin.runs.slurm;

import darwin.core.Sleeper;
import darwin.memory.RunDirectory;
import darwin.memory.ledger.ClusterJob;
import darwin.memory.ledger.Ledger;
import darwin.memory.ledger.LedgerEvents;
import darwin.runs.config.RunSettings;
import darwin.runs.config.SlurmSettings;
import darwin.trainer.cache.ResultCache;
import darwin.trainer.cache.ResultKey;
import darwin.trainer.device.Engines;
import darwin.trainer.harness.TrainingListener;
import darwin.trainer.sandbox.LocalEvaluator;
import darwin.trainer.sandbox.SandboxSettings;
import darwin.trainer.variant.SeedVariant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Opens a run's evaluator on a Slurm cluster: the result cache and its slots in front of a {@link SlurmExecutor}. */
public final class SlurmEvaluators {

    private SlurmEvaluators() {}

    /**
     * The run's evaluator with one Slurm job per evaluation, at most {@code evaluation.slurm.jobs}
     * at once. Before anything is submitted, Slurm is asked whether it would accept the jobs
     * ({@code sbatch --test-only}), so that a wrong partition, account or size stops the run with
     * Slurm's own words. Jobs still in flight when this JVM shuts down are cancelled.
     *
     * @param ledger the run's ledger once the loop has opened it (else {@code null})
     * @throws IllegalStateException when Slurm's commands are missing or Slurm would not take the jobs
     */
    public static LocalEvaluator open(RunSettings settings, RunDirectory run, TrainingListener listener,
            Supplier<Ledger> ledger) {
        SlurmSettings slurm = settings.evaluation().slurm().orElseThrow(() -> new IllegalArgumentException(
                "the run's evaluation.executor is not slurm"));
        SandboxSettings sandbox = settings.sandboxSettings(Runtime.getRuntime().availableProcessors())
                .withResources(run.resources());
        String device = Engines.deviceKey(sandbox.threads(), sandbox.threadWait());
        SlurmSettings shared = withAbsoluteShared(slurm);
        JobLog log = new JobLog(LedgerEvents.of(Ledger.read(run.ledger()), ClusterJob.class), ledger);
        SlurmCommands commands = SlurmCommands.forThisUser();
        SlurmExecutor executor = new SlurmExecutor(commands, shared, sandbox, device,
                run.root().toAbsolutePath().normalize().toString(), JobScript.ofThisProcess(slurm.preamble()), log, listener,
                Sleeper.SYSTEM);
        check(commands, executor, shared);
        Runtime.getRuntime().addShutdownHook(new Thread(executor::cancelAll, "darwin-slurm-cancel"));
        return new LocalEvaluator(executor, slurm.jobs(), ResultCache.under(run.variants()), device,
                id -> run.variant(id).resolve("logs"));
    }

    /** Asks Slurm whether it would take a job like the run's: the seed's, without submitting it. */
    private static void check(SlurmCommands commands, SlurmExecutor executor, SlurmSettings settings) {
        ResultKey probe = new ResultKey(SeedVariant.variant().id(), darwin.core.Budget.steps(1), 0, "probe");
        JobRequest request = executor.request(probe);
        Path script = settings.shared().resolve("check.sh");
        try {
            Files.createDirectories(settings.shared());
            Files.writeString(script, "#!/bin/bash\ntrue\n");
            JobRequest check = new JobRequest(request.name(), script, settings.shared().resolve("check.out"),
                    request.timeLimit(), request.cpus(), request.memoryBytes(), request.partition(), request.account(),
                    request.qos(), request.gres(), request.extraArgs());
            commands.check(check);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into evaluation.slurm.shared (" + settings.shared() + "): "
                    + e.getMessage(), e);
        } catch (SchedulerException e) {
            throw new IllegalStateException(e.getMessage() + ". Nothing was started: check evaluation.slurm.* (partition,"
                    + " account, qos, gres, cpus, memory, extra-args)", e);
        } finally {
            try {
                Files.deleteIfExists(script);
            } catch (IOException e) {
                // a probe script left behind
            }
        }
    }

    private static SlurmSettings withAbsoluteShared(SlurmSettings s) {
        return new SlurmSettings(s.jobs(), s.partition(), s.account(), s.qos(), s.gres(), s.cpus(), s.memory(),
                s.extraArgs(), s.preamble(), s.shared().toAbsolutePath().normalize(), s.timeMargin(), s.attempts(), s.poll());
    }
}
