package darwin.runs.config;

import static darwin.runs.config.SettingTypes.bool;
import static darwin.runs.config.SettingTypes.choice;
import static darwin.runs.config.SettingTypes.decimal;
import static darwin.runs.config.SettingTypes.duration;
import static darwin.runs.config.SettingTypes.longNumber;
import static darwin.runs.config.SettingTypes.name;
import static darwin.runs.config.SettingTypes.orNone;
import static darwin.runs.config.SettingTypes.path;
import static darwin.runs.config.SettingTypes.positive;
import static darwin.runs.config.SettingTypes.prices;
import static darwin.runs.config.SettingTypes.shellLines;
import static darwin.runs.config.SettingTypes.size;
import static darwin.runs.config.SettingTypes.url;
import static darwin.runs.config.SettingTypes.variableName;
import static darwin.runs.config.SettingTypes.wholeNumber;
import static darwin.runs.config.SettingTypes.words;

import darwin.mutation.llm.PriceTable.Price;
import darwin.mutation.llm.Provider;
import darwin.mutation.llm.ProviderSettings;
import darwin.trainer.device.DeviceChoice;
import darwin.trainer.device.ThreadWait;
import darwin.trainer.process.SandboxMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every setting of a run, in one place: key, flag, type, default and doc. The YAML reader, the
 * commands' flags ({@link SettingOptions}), the checks of {@link RunSettings} and
 * {@code CONFIGURATION.md} all come from this list, in this order. The defaults are the demo: a short offline run of a few minutes on 2
 * cores.
 */
public final class Settings {

    /** How {@code run.out}'s default names the time: as {@code darwin train} names its {@code out/train-<time>}. */
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    public static final Setting<Integer> AGENTS = Setting.of("population.agents", wholeNumber(2, 256), 4,
            "How many agents; each owns one variant, and agents edit one another's variants.")
            .withFlag("--population", "N");
    public static final Setting<Integer> OFFSPRING = Setting.derived("population.offspring", wholeNumber(1, 1024),
            "as many as population.agents", values -> values.get(AGENTS),
            "New variants proposed and evaluated per generation.");
    public static final Setting<Integer> ELITES = Setting.of("population.elites", wholeNumber(0, 255), 1,
            "The best variants kept unchanged into the next generation; fewer than population.agents.");
    public static final Setting<Integer> GENERATIONS = Setting.of("population.generations", wholeNumber(1, 100_000), 3,
            "Generations to run.")
            .withFlag("--generations", "G");
    public static final Setting<Selection> SELECTION = Setting.of("population.selection",
            choice(List.of(Selection.values()), Selection::id), Selection.NSGA2,
            "How survivors are chosen: Pareto rank and crowding over perplexity and MFU, or a weighted score.");
    public static final Setting<Double> PERPLEXITY_WEIGHT = Setting.of("population.weights.perplexity",
            decimal(0, 1000), 1.0, "Weight of held-out perplexity (lower is better) in the weighted score.");
    public static final Setting<Double> MFU_WEIGHT = Setting.of("population.weights.mfu", decimal(0, 1000), 0.5,
            "Weight of MFU (higher is better) in the weighted score.");
    public static final Setting<Long> SEED = Setting.of("seed", longNumber(), 1L,
            "Seeds every random choice of the run; with the offline mutator a run is reproducible.")
            .withFlag("--seed", "N");

    public static final Setting<Double> BUDGET_SECONDS = Setting.optional("budget.seconds", positive(86_400),
            "budget.tokens applies",
            "Seconds of wall-clock training per variant, instead of budget.tokens: faster code sees more tokens, and so does a quiet host.")
            .withFlag("--budget-seconds", "S");
    public static final Setting<Long> BUDGET_STEPS = Setting.optional("budget.steps", longNumber(1, 100_000_000),
            "budget.tokens applies", "Optimizer steps per variant, instead of budget.tokens (one kind of budget only).")
            .withFlag("--steps", "N");
    /** The default budget: about 20 s of the seed on 2 cores, and the same work on any host at any moment. */
    public static final Setting<Long> BUDGET_TOKENS = Setting.of("budget.tokens", longNumber(1, 1_000_000_000_000L),
            200_000L, "Training tokens per variant, the same data for all whatever the host's speed (BENCHMARKS.md).")
            .withFlag("--tokens", "N");
    public static final Setting<Double> BUDGET_FLOPS = Setting.optional("budget.flops", decimal(1, 1e24),
            "budget.tokens applies",
            "Model FLOPs per variant (6N + 12·L·d·T a token), instead of budget.tokens: larger models see fewer tokens.")
            .withFlag("--flops", "F");
    public static final Setting<Double> BUDGET_EQUAL_TIME = Setting.optional("budget.equal-time", positive(86_400),
            "budget.tokens applies",
            "Seconds per variant at the seed's calibrated speed times the variant's speed measured beside the seed's.")
            .withFlag("--equal-time", "S");

    public static final Setting<Integer> NOISE_FLOOR = Setting.of("fitness.noise-floor", wholeNumber(1, 100), 3,
            "Evaluations of the seed, with different seeds, before the first generation: the run's noise floor; 1 skips it.");
    public static final Setting<Double> MARGIN = Setting.of("fitness.margin", decimal(0, 10), 2.0,
            "Standard errors by which a child must be better to replace, dominate or enter the elite; 0 trusts every draw.");
    public static final Setting<Integer> RACE_CAP = Setting.of("fitness.race-cap", wholeNumber(1, 100), 4,
            "The most evaluations (with fresh seeds) racing gives a variant whose standing is within the noise; 1 races none.");
    public static final Setting<Double> RACE_SHARE = Setting.of("fitness.race-share", decimal(0, 10), 0.25,
            "The most evaluations racing spends in a generation, as a share of its offspring (rounded up); 0 races none.");

    public static final Setting<Boolean> RUNGS = Setting.of("rungs.enabled", bool(), false,
            "Whether children are trained first at a fraction of the budget and only the best go on (successive halving; "
                    + "off by default: BENCHMARKS.md, rung fidelity).")
            .withSwitch("--rungs", true);
    public static final Setting<Integer> RUNGS_COUNT = Setting.of("rungs.count", wholeNumber(2, 5), 3,
            "How many budget rungs, the full budget the last: 3 trains at B/9, B/3 and B with rungs.eta 3.");
    public static final Setting<Integer> RUNGS_ETA = Setting.of("rungs.eta", wholeNumber(2, 10), 3,
            "The ratio of one rung's budget to the next, and about one in this many of a rung's children is promoted.");
    public static final Setting<Boolean> RUNGS_PROTECT = Setting.of("rungs.protect", bool(), true,
            "Whether changes tagged schedule, architecture or regularisation, which short runs judge unfairly, start at"
                    + " the second rung.");

    public static final Setting<Integer> SLOTS = Setting.of("evaluation.slots", wholeNumber(1, 64), 1,
            "Variants trained at the same time: one per GPU; one on a CPU machine, which then gets every core.")
            .withFlag("--slots", "K");
    public static final Setting<DeviceChoice> DEVICE = Setting.of("evaluation.device",
            choice(List.of(DeviceChoice.values()), DeviceChoice::label), DeviceChoice.AUTO,
            "Where variants train: auto (every GPU the engine can use, one slot each, else the CPU, saying why), cpu, or"
                    + " cuda (stops with the cause when the engine has no GPU). README, GPUs: the CUDA libtorch.")
            .withFlag("--device", "DEVICE");
    public static final Setting<Integer> THREADS = Setting.of("evaluation.threads", wholeNumber(0, 1024), 0,
            "Engine threads of each training process; 0 shares the cores out evenly among the slots.");
    public static final Setting<ThreadWait> THREAD_WAIT = Setting.of("evaluation.thread-wait",
            choice(List.of(ThreadWait.values()), ThreadWait::label), ThreadWait.SPIN,
            "How the engine's threads wait for each other: spin (fastest on a machine the run has to itself) or passive "
                    + "(for a shared machine: another process on one core slows training about 1.1 times, not 30).");
    public static final Setting<SandboxMode> SANDBOX = Setting.of("evaluation.sandbox",
            choice(List.of(SandboxMode.values()), mode -> mode.name().toLowerCase(Locale.ROOT)), SandboxMode.AUTO,
            "Run variants in bubblewrap: when it works here (auto), always (bubblewrap), or never (none).");
    public static final Setting<Size> HEAP = Setting.of("evaluation.heap", size(Size.megabytes(64), Size.gigabytes(512)),
            Size.gigabytes(2), "Java heap of each child process (-Xmx).");
    public static final Setting<Optional<Size>> MEMORY = Setting.of("evaluation.memory",
            orNone(size(Size.megabytes(128), Size.gigabytes(65_536))), Optional.of(Size.gigabytes(8)),
            "Address-space limit of each child process, native tensor memory included; above evaluation.heap.");
    public static final Setting<Duration> GRACE = Setting.of("evaluation.grace",
            duration(Duration.ofSeconds(1), Duration.ofHours(1)), Duration.ofSeconds(60),
            "Time a training process gets beyond a time budget to start, load the engine and save its model.");

    public static final Setting<Executor> EXECUTOR = Setting.of("evaluation.executor",
            choice(List.of(Executor.values()), Executor::id), Executor.LOCAL,
            "Where variants are trained: in slots on this machine (local), or one Slurm batch job per evaluation (slurm).")
            .withFlag("--executor", "NAME");
    public static final Setting<Integer> SLURM_JOBS = Setting.of("evaluation.slurm.jobs", wholeNumber(1, 10_000), 8,
            "The most evaluations queued or running on the cluster at once.");
    public static final Setting<String> SLURM_PARTITION = Setting.optional("evaluation.slurm.partition",
            name("Slurm partition"), "the cluster's default", "The partition jobs are submitted to (--partition).");
    public static final Setting<String> SLURM_ACCOUNT = Setting.optional("evaluation.slurm.account",
            name("Slurm account"), "the user's default", "The account jobs are charged to (--account).");
    public static final Setting<String> SLURM_QOS = Setting.optional("evaluation.slurm.qos", name("quality of service"),
            "the default", "The quality of service of the jobs (--qos).");
    public static final Setting<String> SLURM_GRES = Setting.optional("evaluation.slurm.gres", name("resource list"),
            "none", "Generic resources per job, such as gpu:1 (--gres).");
    public static final Setting<Integer> SLURM_CPUS = Setting.of("evaluation.slurm.cpus", wholeNumber(1, 1024), 2,
            "CPUs per job (--cpus-per-task); the training process's engine threads unless evaluation.threads is set.");
    public static final Setting<Size> SLURM_MEMORY = Setting.of("evaluation.slurm.memory",
            size(Size.megabytes(256), Size.gigabytes(65_536)), Size.gigabytes(8),
            "Memory per job (--mem): the training and the scoring process together.");
    public static final Setting<List<String>> SLURM_EXTRA_ARGS = Setting.of("evaluation.slurm.extra-args",
            words("sbatch arguments"), List.of(), "More sbatch arguments, as they are, such as --constraint=a100.");
    public static final Setting<String> SLURM_PREAMBLE = Setting.optional("evaluation.slurm.preamble", shellLines(),
            "none", "Shell lines a job runs before darwin on its node, such as module load java/21.");
    public static final Setting<Path> SLURM_SHARED = Setting.derived("evaluation.slurm.shared", path(), "<run.out>/slurm",
            values -> values.get(Settings.OUT).resolve("slurm"),
            "A folder on a file system the nodes share, where each job's files go: its variant, script, log and result.");
    public static final Setting<Duration> SLURM_TIME_MARGIN = Setting.of("evaluation.slurm.time-margin",
            duration(Duration.ofSeconds(30), Duration.ofDays(7)), Duration.ofMinutes(10),
            "What a job's time limit (--time) adds to the evaluation's own: the budget's limit and the scoring's.");
    public static final Setting<Integer> SLURM_ATTEMPTS = Setting.of("evaluation.slurm.attempts", wholeNumber(1, 100), 3,
            "Attempts at one evaluation whose jobs end without a result (preempted, failed node, cancelled by others).");
    public static final Setting<Duration> SLURM_POLL = Setting.of("evaluation.slurm.poll",
            duration(Duration.ofMillis(200), Duration.ofMinutes(10)), Duration.ofSeconds(5),
            "How often the state of a running job is asked of the scheduler (squeue); results are seen at once.");

    public static final Setting<Optional<Provider>> PROVIDER = Setting.of("llm.provider", providers(), Optional.empty(),
            "Who proposes changes: the offline catalog of known edits (no network), or an LLM provider.")
            .withFlag("--provider", "NAME");
    public static final Setting<String> MODEL = Setting.optional("llm.model", name("model name"),
            "none; every provider but offline needs one", "The model's name at the provider, such as gpt-4o-mini.")
            .withFlag("--model", "NAME");
    public static final Setting<URI> BASE_URL = Setting.optional("llm.base-url", url(), "the provider's own endpoint",
            "Where the API lives: a proxy, or an OpenAI-compatible server (vLLM, llama.cpp, Ollama's /v1, LM Studio).");
    public static final Setting<String> API_KEY_ENV = Setting.optional("llm.api-key-env", variableName(),
            defaultKeyVariables(),
            "The environment variable that holds the API key; the key itself never goes in the file.");
    public static final Setting<Double> TEMPERATURE = Setting.of("llm.temperature", decimal(0, 2), 0.2,
            "Sampling temperature.");
    public static final Setting<Integer> MAX_OUTPUT_TOKENS = Setting.of("llm.max-output-tokens",
            wholeNumber(256, 1_000_000), 4096, "The most tokens a reply may have.");
    public static final Setting<Duration> TIMEOUT = Setting.of("llm.timeout",
            duration(Duration.ofSeconds(1), Duration.ofHours(1)), Duration.ofSeconds(300),
            "How long one request may wait for its reply; a call with its retries may take (retries + 1) times this.");
    public static final Setting<Integer> RETRIES = Setting.of("llm.retries",
            wholeNumber(0, ProviderSettings.MAX_RETRIES_LIMIT), 3,
            "How many times a request that may pass (rate limit, server error, timeout) is sent again.");
    public static final Setting<Integer> REPAIR_ROUNDS = Setting.of("llm.repair-rounds", wholeNumber(0, 10), 2,
            "How many times a reply that cannot be read, applied or compiled goes back to the model with the problem.");
    public static final Setting<Optional<Double>> COST_CAP = Setting.of("llm.cost-cap",
            orNone(decimal(0, 1_000_000)), Optional.of(5.0),
            "US dollars the run may spend on LLM calls; 0 allows cached replies only, none lifts the cap.");
    public static final Setting<Duration> OUTAGE_LIMIT = Setting.of("llm.outage-limit",
            duration(Duration.ofSeconds(10), Duration.ofDays(7)), Duration.ofHours(1),
            "How long the run waits for an LLM endpoint that stopped answering (new proposals paused, checked with backoff)"
                    + " before it stops, to be resumed; proposals held meanwhile are sent again, never charged to agents.");
    public static final Setting<Map<String, Price>> PRICES = Setting.of("llm.prices", prices(), Map.of(),
            "USD per million tokens by model, over the built-in examples; an unpriced paid model costs 3 in, 15 out.");

    public static final Setting<Path> OUT = Setting.derived("run.out", path(), "out/run-<time>",
            values -> Path.of("out", "run-" + values.loadedAt().format(RUN_TIME)),
            "The run's directory: its state, ledger, agents' memories and variants.")
            .withFlag("--out", "DIR");
    public static final Setting<Boolean> AWAIT_APPROVAL = Setting.of("run.await-approval", bool(), false,
            "Whether the run waits for people to decide pending upgrade requests before each generation.")
            .withSwitch("--await-approval", true);
    public static final Setting<List<String>> LIBRARIES = Setting.of("run.libraries", new LibraryList(),
            List.of("org.apache.commons:commons-math3:3.6.1", "it.unimi.dsi:fastutil-core:8.5.13"),
            "The libraries people may approve for the training class path (LIBRARY requests).");
    public static final Setting<Path> MAVEN_REPOSITORY = Setting.derived("run.maven-repository", path(), "~/.m2/repository",
            values -> Path.of(System.getProperty("user.home"), ".m2", "repository"),
            "The local Maven repository where an approved library's jar is found.");

    public static final Setting<Boolean> CONFIRM = Setting.of("confirm.enabled", bool(), true,
            "Whether the run ends by measuring its best variant and the seed again, in turn, to confirm the gain.")
            .withSwitch("--no-confirm", false);
    public static final Setting<Integer> CONFIRM_REPEAT = Setting.of("confirm.repeat", wholeNumber(2, 100), 3,
            "Evaluations of each, the best variant and the seed, with fresh seeds; the interval narrows as 1/sqrt(repeat).");

    private static final List<Setting<?>> ALL = List.of(AGENTS, OFFSPRING, ELITES, GENERATIONS, SELECTION,
            PERPLEXITY_WEIGHT, MFU_WEIGHT, SEED, BUDGET_SECONDS, BUDGET_STEPS, BUDGET_TOKENS, BUDGET_FLOPS,
            BUDGET_EQUAL_TIME, NOISE_FLOOR, MARGIN, RACE_CAP, RACE_SHARE, RUNGS, RUNGS_COUNT, RUNGS_ETA, RUNGS_PROTECT, SLOTS,
            DEVICE, THREADS, THREAD_WAIT, SANDBOX, HEAP, MEMORY,
            GRACE, EXECUTOR, SLURM_JOBS, SLURM_PARTITION, SLURM_ACCOUNT, SLURM_QOS, SLURM_GRES, SLURM_CPUS, SLURM_MEMORY,
            SLURM_EXTRA_ARGS, SLURM_PREAMBLE, SLURM_SHARED, SLURM_TIME_MARGIN, SLURM_ATTEMPTS, SLURM_POLL, PROVIDER, MODEL,
            BASE_URL, API_KEY_ENV, TEMPERATURE, MAX_OUTPUT_TOKENS, TIMEOUT, RETRIES,
            REPAIR_ROUNDS, COST_CAP, OUTAGE_LIMIT, PRICES, OUT, AWAIT_APPROVAL, LIBRARIES, MAVEN_REPOSITORY,
            CONFIRM, CONFIRM_REPEAT);

    private static final SequencedMap<String, String> SECTIONS = sections(
            "population", "The agents and the genetic algorithm.",
            "population.weights", "The weights of the two objectives, for population.selection: weighted.",
            "budget", "The compute each variant gets: one of budget.seconds, steps, tokens, flops or equal-time.",
            "fitness", "How the run measures its noise, and when a difference counts.",
            "rungs", "Successive halving over budgets: many children get a short run, the promising ones the full one.",
            "evaluation", "How variants are built, trained and measured, in sandboxed child processes.",
            "evaluation.slurm", "Evaluations as Slurm batch jobs, one per evaluation, for evaluation.executor: slurm.",
            "llm", "Who proposes the changes, how, and at what cost.",
            "run", "The run's directory, and the people in the loop.",
            "confirm", "The run's headline measured again: its best variant against the seed, with a 95% interval.");

    private Settings() {}

    /** Every setting, in the order of the documentation. */
    public static List<Setting<?>> all() {
        return ALL;
    }

    /** The settings of which a run's budget is exactly one, budget.seconds (the default) first. */
    public static List<Setting<?>> budgets() {
        return List.of(BUDGET_SECONDS, BUDGET_STEPS, BUDGET_TOKENS, BUDGET_FLOPS, BUDGET_EQUAL_TIME);
    }

    /** The setting whose key is {@code key}, such as {@code population.agents}. */
    public static Optional<Setting<?>> named(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The settings that have a flag, in the order of the documentation. */
    public static List<Setting<?>> withFlags() {
        return ALL.stream().filter(setting -> setting.flag().isPresent()).toList();
    }

    /** The setting that the flag {@code name} (such as {@code --population}) overrides. */
    public static Optional<Setting<?>> flagged(String name) {
        return ALL.stream().filter(s -> s.flag().map(f -> f.name().equals(name)).orElse(false)).findFirst();
    }

    /** The sections that hold settings, each with a one-line doc, in the order of the documentation. */
    public static SequencedMap<String, String> sections() {
        return SECTIONS;
    }

    /** The names directly under {@code section} (empty: the top level), sections and settings alike, in order. */
    static List<String> namesUnder(String section) {
        String prefix = section.isEmpty() ? "" : section + ".";
        return ALL.stream()
                .map(Setting::key)
                .filter(key -> key.startsWith(prefix))
                .map(key -> key.substring(prefix.length()).split("\\.")[0])
                .distinct()
                .toList();
    }

    /**
     * The key someone probably meant by the unknown {@code path}: the closest name in its section,
     * else a setting or section of a close name elsewhere (for {@code agents} at the top level,
     * {@code population.agents}).
     */
    static Optional<String> closest(String path) {
        int dot = path.lastIndexOf('.');
        String section = dot < 0 ? "" : path.substring(0, dot);
        String name = path.substring(dot + 1);
        Optional<String> near = Spelling.closest(name, namesUnder(section))
                .map(found -> section.isEmpty() ? found : section + "." + found);
        if (near.isPresent()) {
            return near;
        }
        List<String> known = Stream.concat(SECTIONS.keySet().stream(), ALL.stream().map(Setting::key)).toList();
        return Spelling.closest(name, known.stream().map(key -> key.substring(key.lastIndexOf('.') + 1)).toList())
                .flatMap(found -> known.stream().filter(key -> key.equals(found) || key.endsWith("." + found)).findFirst());
    }

    private static SettingType<Optional<Provider>> providers() {
        List<Optional<Provider>> choices = Stream.concat(Stream.of(Optional.<Provider>empty()),
                Arrays.stream(Provider.values()).map(Optional::of)).toList();
        return choice(choices, provider -> provider.map(Provider::id).orElse("offline"));
    }

    /** The providers' own key variables: {@code openai: OPENAI_API_KEY, …, ollama: none}. */
    private static String defaultKeyVariables() {
        return "the provider's own: " + Arrays.stream(Provider.values())
                .map(p -> p.id() + " " + (p.keyVariables().isEmpty() ? "none" : String.join(" or ", p.keyVariables())))
                .collect(Collectors.joining(", "));
    }

    private static SequencedMap<String, String> sections(String... pathsAndDocs) {
        SequencedMap<String, String> sections = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndDocs.length; i += 2) {
            sections.put(pathsAndDocs[i], pathsAndDocs[i + 1]);
        }
        return Collections.unmodifiableSequencedMap(sections);
    }
}
