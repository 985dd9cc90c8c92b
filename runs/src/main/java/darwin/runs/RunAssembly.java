package darwin.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.Budget;
import darwin.core.CompileCheck;
import darwin.core.Evaluator;
import darwin.core.ResourceManifest;
import darwin.core.Mutator;
import darwin.memory.RunDirectory;
import darwin.memory.ledger.Ledger;
import darwin.mutation.LlmMutator;
import darwin.mutation.OfflineMutator;
import darwin.mutation.catalog.Catalog;
import darwin.mutation.catalog.CatalogMutator;
import darwin.mutation.edit.EditApplier;
import darwin.mutation.edit.UnifiedDiff;
import darwin.mutation.llm.CostLedger;
import darwin.mutation.llm.EndpointStatus;
import darwin.mutation.llm.LlmClients;
import darwin.mutation.llm.OutageListener;
import darwin.mutation.llm.ReplyCache;
import darwin.mutation.prompt.PromptBudget;
import darwin.mutation.prompt.PromptBuilder;
import darwin.mutation.reply.ReplyFormat;
import darwin.population.loop.EvolutionParts;
import darwin.population.loop.EvolutionPlan;
import darwin.population.upgrade.Upgrader;
import darwin.population.selection.Fitness;
import darwin.population.selection.Nsga2;
import darwin.population.selection.Selector;
import darwin.population.selection.Weighted;
import darwin.population.selection.WeightedScore;
import darwin.runs.config.Executor;
import darwin.runs.config.LlmSettings;
import darwin.runs.config.RunSettings;
import darwin.runs.config.Setting;
import darwin.runs.config.SettingValues;
import darwin.runs.config.Settings;
import darwin.runs.slurm.SlurmEvaluators;
import darwin.trainer.build.VariantCompileCheck;
import darwin.trainer.cache.ResultCache;
import darwin.trainer.data.Corpus;
import darwin.trainer.device.DeviceChoice;
import darwin.trainer.device.DevicePlan;
import darwin.trainer.device.Engines;
import darwin.trainer.device.ThreadWait;
import darwin.trainer.harness.Harness;
import darwin.trainer.harness.HarnessSettings;
import darwin.trainer.harness.TrainingListener;
import darwin.trainer.process.ProcessRunner;
import darwin.trainer.resources.ResourceApprovals;
import darwin.trainer.resources.ResourceStore;
import darwin.trainer.variant.VariantFolders;
import darwin.trainer.sandbox.ChildClasspath;
import darwin.trainer.sandbox.LocalEvaluator;
import darwin.trainer.sandbox.SandboxEvaluator;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the parts of a run from its settings: the evaluator with its slots and cache, the
 * mutator (offline or LLM, with the cost cap and the reply cache), the selector and the plan. The
 * one place where the modules meet.
 */
final class RunAssembly {

    private RunAssembly() {}

    /**
     * The run's evaluator: the result cache in front of slots on this machine, or in front of one
     * Slurm job per evaluation ({@code evaluation.executor: slurm}), which records its jobs'
     * attempts in {@code ledger} once it is open.
     */
    static LocalEvaluator evaluator(RunSettings settings, RunDirectory run, TrainingListener listener,
            Supplier<Ledger> ledger) {
        if (settings.evaluation().executor() == Executor.SLURM) {
            return SlurmEvaluators.open(settings, run, listener, ledger);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        var sandboxSettings = settings.sandboxSettings(cores).withWorkRoot(run.root().resolve(".work"))
                .withResources(run.resources());
        Engines.configure(sandboxSettings.threads(), 1); // loaded only if the peak must be calibrated
        DevicePlan plan = Devices.plan(settings.evaluation().device(), listener);
        int slots = plan.slots(settings.evaluation().slots());
        if (plan.cuda() && settings.evaluation().threads() == 0) {
            sandboxSettings = sandboxSettings.withThreads(LocalEvaluator.threadsPerSlot(cores, slots));
        }
        sandboxSettings = sandboxSettings.withDevice(plan);
        double peak = Harness.devicePeak(HarnessSettings.defaults(), Engines.defaultDevice(), listener);
        Devices.reportPeak(plan, peak, listener);
        Corpus corpus = Corpus.tinyShakespeare();
        // a raised budget keeps its kind, so a run needs the seed's throughput only if it starts under equal time
        double reference = settings.budget() instanceof Budget.EqualTime
                ? Harness.referenceThroughput(HarnessSettings.defaults(), corpus, Engines.defaultDevice(), listener) : 0;
        SandboxEvaluator sandbox = new SandboxEvaluator(corpus, sandboxSettings, peak, reference, new ProcessRunner());
        return new LocalEvaluator(sandbox, slots, ResultCache.under(run.variants()),
                plan.deviceKey(sandboxSettings.threads(), sandboxSettings.threadWait()), id -> run.variant(id).resolve("logs"), listener);
    }

    /** Compiles a variant as the sandbox will (with the run's libraries), for the mutation step and people's upgrades. */
    static CompileCheck compileCheck(RunDirectory run) {
        return new VariantCompileCheck(ChildClasspath.compiler(),
                Optional.of(ResourceStore.at(run.resources())));
    }

    /**
     * Checks the LLM endpoint before anything starts (address, key, model), within seconds; does
     * nothing for the offline catalog. Its one-line completion, when it needs one, is booked in
     * {@code costs}.
     *
     * @throws IllegalStateException when the endpoint does not answer or refuses the configuration,
     *     saying what to check
     */
    static void checkEndpoint(RunSettings settings, CostLedger costs) {
        var llm = settings.llm();
        if (llm.offline()) {
            return;
        }
        var provider = llm.providerSettings().orElseThrow();
        EndpointStatus status = llmClients(llm, costs).probe().check();
        switch (status) {
            case EndpointStatus.Answering answering -> { }
            case EndpointStatus.Down down -> throw new IllegalStateException("the LLM endpoint (" + provider.describe()
                    + ") does not answer: " + down.detail() + ". Nothing was started: start the server, or check llm.provider"
                    + " and llm.base-url");
            case EndpointStatus.Misconfigured wrong -> throw new IllegalStateException("the LLM endpoint ("
                    + provider.describe() + ") answers, but " + wrong.detail() + ". Nothing was started");
        }
    }

    /** The run's LLM clients as the settings make them, booking in {@code costs} under the cap; for an LLM run. */
    private static LlmClients.Builder llmClients(LlmSettings llm, CostLedger costs) {
        return LlmClients.builder(llm.providerSettings().orElseThrow())
                .environment(System::getenv)
                .prices(llm.priceTable())
                .ledger(costs)
                .costCap(llm.costCapDollars());
    }

    /**
     * The parts the loop works through: the mutator, the evaluator, the run's variant folders, the
     * unified diff, and the upgrader with the run's compile check and the trainer's manifest.
     */
    static EvolutionParts parts(RunSettings settings, RunDirectory run, Evaluator evaluator, CostLedger costs,
            OutageListener outages) throws IOException {
        return new EvolutionParts(mutator(settings, run, costs, outages), evaluator, new VariantFolders(run.variants()),
                UnifiedDiff.TEXT, new Upgrader(compileCheck(run), resources()));
    }

    /** How people's approvals of datasets and libraries are read and listed in a variant: the trainer's manifest. */
    static ResourceManifest resources() {
        return new ResourceApprovals();
    }

    static Mutator mutator(RunSettings settings, RunDirectory run, CostLedger costs, OutageListener outages)
            throws IOException {
        CompileCheck compiler = compileCheck(run);
        var llm = settings.llm();
        if (llm.offline()) {
            return new OfflineMutator(new CatalogMutator(Catalog.standard()), new EditApplier(), compiler, new RunEvidence(run));
        }
        var client = llmClients(llm, costs)
                .cache(ReplyCache.open(run.replies()))
                .outages(llm.outageLimit(), outages)
                .build();
        return new LlmMutator(client, new PromptBuilder(PromptBudget.DEFAULT, ReplyFormat.instructions()), new EditApplier(),
                compiler, llm.mutationSettings().orElseThrow());
    }

    /** The plan; a weighted selection is scaled by the seed's figures. */
    static EvolutionPlan plan(RunSettings settings, Optional<Fitness> seed) {
        var population = settings.population();
        Selector selector = switch (population.selection()) {
            case NSGA2 -> new Nsga2(population.elites());
            case WEIGHTED -> new Weighted(WeightedScore.relativeTo(seed.orElseThrow(() -> new IllegalStateException(
                    "a weighted selection needs the seed's figures")), population.weights().perplexity(),
                    population.weights().mfu()), population.elites());
        };
        return new EvolutionPlan(population.agents(), population.offspring(), population.generations(), settings.budget(),
                settings.seed(), selector, settings.run().awaitApproval(), settings.fitness().replication(),
                settings.rungs().rungs());
    }

    /**
     * The settings given by the file and the flags, as text by key, for {@code run.json}, so that a
     * resume reads them back; settings left at their defaults take the defaults again, except
     * {@code population.generations}, the number that a resume compares with, the budget and the
     * threads' wait policy and the device, which are always kept (a run that kept no budget began when 20 seconds
     * was the default, and resumes with it; one that kept no wait policy measured its speed with
     * spinning threads, and goes on so whatever the default becomes).
     */
    static ObjectNode persist(SettingValues values, ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        boolean budgetGiven = Settings.budgets().stream().anyMatch(values::isGiven);
        for (Setting<?> setting : Settings.all()) {
            // the budget in force is always kept, so that a later change of the default budget cannot change a run's
            if (values.isGiven(setting) || setting == Settings.GENERATIONS
                    || (!budgetGiven && setting == Settings.BUDGET_TOKENS) || setting == Settings.THREAD_WAIT
                    || setting == Settings.DEVICE) {
                render(values, setting).ifPresent(text -> node.put(setting.key(), text));
            }
        }
        return node;
    }

    private static <T> Optional<String> render(SettingValues values, Setting<T> setting) {
        return values.find(setting).map(setting::render);
    }

    /** The overrides that read a persisted configuration back. */
    static Map<Setting<?>, String> restore(JsonNode persisted) {
        Map<Setting<?>, String> overrides = new HashMap<>();
        persisted.fields().forEachRemaining(field -> Settings.named(field.getKey())
                .ifPresent(setting -> overrides.put(setting, field.getValue().asText())));
        if (Settings.budgets().stream().noneMatch(overrides::containsKey)) {
            // a run begun when 20 seconds was the default budget, and kept no budget of its own
            overrides.put(Settings.BUDGET_SECONDS, LEGACY_DEFAULT_SECONDS);
        }
        // a run begun before the wait policy was chosen measured every speed with spinning threads
        overrides.putIfAbsent(Settings.THREAD_WAIT, ThreadWait.SPIN.label());
        // and one begun before the device was chosen trained on the CPU, whatever the machine has
        overrides.putIfAbsent(Settings.DEVICE, DeviceChoice.CPU.label());
        return overrides;
    }

    /** The default budget of runs begun before the default became a token budget. */
    private static final String LEGACY_DEFAULT_SECONDS = "20";
}
