package darwin.runs.config;

import darwin.core.Budget;
import darwin.mutation.llm.ProviderSettings;
import darwin.trainer.sandbox.SandboxSettings;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a run needs, checked: built by {@link RunSettingsLoader} from a YAML file and flags
 * over the defaults of {@link Settings}, where every setting is declared with its doc.
 *
 * @param population the agents and the genetic algorithm
 * @param seed the seed of every random choice of the run
 * @param budget the compute each variant gets, the same for all
 * @param fitness the noise floor, the margin and racing
 * @param rungs the budget rungs children climb before selection, or none
 * @param evaluation how variants are built, trained and measured
 * @param llm who proposes the changes, how, and at what cost
 * @param run where the run lives, and whether it waits for people
 * @param confirm whether and how the run's best variant is confirmed at the end
 */
public record RunSettings(PopulationSettings population, long seed, Budget budget, FitnessSettings fitness,
        RungSettings rungs, EvaluationSettings evaluation, LlmSettings llm, RunControl run, ConfirmSettings confirm) {

    public RunSettings {
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(fitness, "fitness");
        Objects.requireNonNull(rungs, "rungs");
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(llm, "llm");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(confirm, "confirm");
    }

    /** Every setting at its default: the demo run, with the run's directory named after now. */
    public static RunSettings defaults() {
        return new RunSettingsLoader().load(Optional.empty(), Map.of());
    }

    /**
     * The settings that {@code values} hold, checked.
     *
     * @throws ConfigException for values that contradict each other, naming the settings
     */
    public static RunSettings from(SettingValues values) {
        Budget budget = budget(values);
        return new RunSettings(
                new PopulationSettings(values.get(Settings.AGENTS), values.get(Settings.OFFSPRING),
                        values.get(Settings.ELITES), values.get(Settings.GENERATIONS), values.get(Settings.SELECTION),
                        new PopulationSettings.Weights(values.get(Settings.PERPLEXITY_WEIGHT),
                                values.get(Settings.MFU_WEIGHT))),
                values.get(Settings.SEED),
                budget,
                new FitnessSettings(values.get(Settings.NOISE_FLOOR), values.get(Settings.MARGIN), values.get(Settings.RACE_CAP),
                        values.get(Settings.RACE_SHARE)),
                new RungSettings(values.get(Settings.RUNGS), values.get(Settings.RUNGS_COUNT), values.get(Settings.RUNGS_ETA),
                        values.get(Settings.RUNGS_PROTECT)),
                new EvaluationSettings(values.get(Settings.SLOTS), values.get(Settings.THREADS), values.get(Settings.THREAD_WAIT),
                        values.get(Settings.SANDBOX), values.get(Settings.HEAP), values.get(Settings.MEMORY),
                        values.get(Settings.GRACE), values.get(Settings.DEVICE), slurm(values)),
                new LlmSettings(values.get(Settings.PROVIDER), values.find(Settings.MODEL),
                        values.find(Settings.BASE_URL), values.find(Settings.API_KEY_ENV),
                        values.get(Settings.TEMPERATURE), values.get(Settings.MAX_OUTPUT_TOKENS),
                        values.get(Settings.TIMEOUT), values.get(Settings.RETRIES), values.get(Settings.REPAIR_ROUNDS),
                        values.get(Settings.COST_CAP), values.get(Settings.OUTAGE_LIMIT), values.get(Settings.PRICES)),
                new RunControl(values.get(Settings.OUT), values.get(Settings.AWAIT_APPROVAL), values.get(Settings.LIBRARIES),
                        values.get(Settings.MAVEN_REPOSITORY)),
                new ConfirmSettings(values.get(Settings.CONFIRM), values.get(Settings.CONFIRM_REPEAT)));
    }

    /** The one budget the values give: budget.seconds (given or by default), steps, tokens, flops or equal-time. */
    private static Budget budget(SettingValues values) {
        List<Setting<?>> given = Settings.budgets().stream().filter(values::isGiven).toList();
        if (given.size() > 1) {
            List<String> keys = given.stream().map(Setting::key).toList();
            String named = String.join(", ", keys.subList(0, keys.size() - 1)) + " and " + keys.getLast();
            throw ConfigException.between(named + (keys.size() == 2 ? " are both set" : " are all set")
                    + "; give exactly one kind of budget", given.toArray(Setting<?>[]::new));
        }
        Setting<?> kind = given.isEmpty() ? Settings.BUDGET_TOKENS : given.getFirst();
        if (kind == Settings.BUDGET_STEPS) {
            return Budget.steps(values.get(Settings.BUDGET_STEPS));
        }
        if (kind == Settings.BUDGET_SECONDS) {
            return Budget.seconds(values.get(Settings.BUDGET_SECONDS));
        }
        if (kind == Settings.BUDGET_FLOPS) {
            return Budget.flops(values.get(Settings.BUDGET_FLOPS));
        }
        if (kind == Settings.BUDGET_EQUAL_TIME) {
            return Budget.equalTime(values.get(Settings.BUDGET_EQUAL_TIME));
        }
        return Budget.tokens(values.get(Settings.BUDGET_TOKENS));
    }

    /** The Slurm jobs' settings, when the evaluations run on a Slurm cluster. */
    private static Optional<SlurmSettings> slurm(SettingValues values) {
        if (values.get(Settings.EXECUTOR) != Executor.SLURM) {
            return Optional.empty();
        }
        return Optional.of(new SlurmSettings(values.get(Settings.SLURM_JOBS), values.find(Settings.SLURM_PARTITION),
                values.find(Settings.SLURM_ACCOUNT), values.find(Settings.SLURM_QOS), values.find(Settings.SLURM_GRES),
                values.get(Settings.SLURM_CPUS), values.get(Settings.SLURM_MEMORY), values.get(Settings.SLURM_EXTRA_ARGS),
                values.find(Settings.SLURM_PREAMBLE), values.get(Settings.SLURM_SHARED),
                values.get(Settings.SLURM_TIME_MARGIN), values.get(Settings.SLURM_ATTEMPTS), values.get(Settings.SLURM_POLL)));
    }

    /** The user's documentation of every setting: {@code CONFIGURATION.md}. */
    public static String describe() {
        return ConfigurationDocs.markdown();
    }

    /** How to reach the LLM provider; empty for the offline catalog. */
    public Optional<ProviderSettings> providerSettings() {
        return llm.providerSettings();
    }

    /** The sandbox's settings on a machine of {@code cores} cores. */
    public SandboxSettings sandboxSettings(int cores) {
        return evaluation.sandboxSettings(cores);
    }
}
