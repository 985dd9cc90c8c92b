package darwin.population.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.Evaluator;
import darwin.core.Metrics;
import darwin.core.Mutator;
import darwin.core.MutatorUnavailableException;
import darwin.core.Personas;
import darwin.core.Sleeper;
import darwin.core.Variant;
import darwin.core.stats.Noise;
import darwin.core.stats.Sample;
import darwin.memory.AgentMemories;
import darwin.memory.NoiseFloor;
import darwin.memory.RequestBook;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import darwin.memory.SuggestionBox;
import darwin.memory.ledger.Ledger;
import darwin.memory.ledger.NoiseFloorMeasured;
import darwin.memory.ledger.RunEnded;
import darwin.memory.ledger.RunStarted;
import darwin.memory.ledger.Selected;
import darwin.population.selection.Fitness;
import darwin.population.selection.Matchmaker;
import darwin.population.selection.Member;
import darwin.population.selection.Pairing;
import darwin.population.selection.Racing;
import darwin.population.selection.Significance;
import darwin.population.selection.Survivors;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generation loop of a run.
 *
 * <p>Before the first generation the seed is evaluated {@link Replication#floor()} times with
 * different seeds: the spread of its figures is the run's noise floor ({@code run.json}, a
 * {@code NOISE_FLOOR} event). One generation: every member variant is evaluated (from the cache,
 * except the first time); the {@link Matchmaker} pairs mutating agents with targets they do not
 * own; each pairing is proposed by the {@link Mutator} and its child evaluated by the
 * {@link Evaluator}, all pairings at once, so that the LLM writes the next proposals while earlier
 * children train; then the candidates that would change the survivors but are not separated from
 * the ones they would displace by more than the noise are measured again with fresh seeds
 * ({@link Racing}), up to a cap; the selector picks the next population by the significance of
 * the differences; the attempts are recorded, in slot order, with their effects and intervals; the
 * checkpoint {@code run.json} is rewritten atomically.
 *
 * <p>Determinism: every random draw comes from a stream seeded by the run's seed and what it
 * decides (the generation, the purpose, the racing round); the agents' briefings read only what
 * earlier generations recorded; requests are filed and attempts recorded in slot order; the noise
 * a generation judges by is fixed at its start. The order in which evaluations happen to end
 * changes nothing.
 *
 * <p>Resume: everything a generation does is keyed — a proposal by its generation and slot
 * ({@code g3-s1}), an evaluation by its variant, budget and replicate seed — and looked up before it
 * is done again: a proposal in the ledger is not asked for again (its child is stored), an
 * evaluation is in the result cache, an attempt in an agent's memory is not recorded twice, and a
 * ledger event is held once by its identity (the ledger ignores a second append). How many replicates each variant had when a generation
 * began is in the previous generation's {@code SELECTION} event, and racing replays the same
 * decisions from it. A run killed at any instant therefore resumes at the generation after the
 * last checkpoint, redoes nothing that was done, and, with a deterministic mutator and budget, ends
 * exactly where an uninterrupted run ends. A mutator that is unavailable
 * ({@link MutatorUnavailableException}: its endpoint stayed down past the run's limit) stops the
 * run the same way, without recording the proposals it could not make.
 *
 * <p>Roles: this class runs the generations and judges by the noise; {@link Offspring} proposes and
 * evaluates the pairings, {@link Race} measures the close calls again, {@link Attempts} records the
 * attempts, {@link RequestDesk} deals with people, {@link Variants} keeps the variants, and
 * {@link TaskBriefing} tells each agent its task. It reaches the mutator, the evaluator, the variant
 * store and the diff through the ports of core ({@link EvolutionParts}), which the run's assembly
 * fills.
 *
 * <p>Concurrency: the ledger and the memories are synchronized; the loop itself runs on one thread
 * and uses a pool for the pairings and the replicates of a generation.
 */
public final class Evolution {

    /** The purposes of the random streams of a generation (see {@link EvolutionPlan#seedFor}). */
    private static final int PAIRING = -1;
    private static final int SURVIVAL = -2;

    private final RunDirectory run;
    private final EvolutionPlan plan;
    private final Ledger ledger;
    private final AgentMemories memories;
    private final ObjectMapper json;
    private final EvolutionListener listener;
    private final Variants variants;
    private final RequestDesk desk;
    private final Replicates replicates;
    private final Ladder ladder;
    private final Offspring offspring;
    private final Race race;
    private final Attempts attempts;
    private volatile Budget budget;

    public Evolution(RunDirectory run, EvolutionPlan plan, EvolutionParts parts, ObjectMapper json,
            EvolutionListener listener) {
        this(run, plan, parts, json, listener, Sleeper.SYSTEM);
    }

    /**
     * A loop that waits for people's decisions with {@code sleeper} ({@link Sleeper#SYSTEM} above):
     * a test counts the looks at the request book instead of waiting seconds.
     */
    public Evolution(RunDirectory run, EvolutionPlan plan, EvolutionParts parts, ObjectMapper json,
            EvolutionListener listener, Sleeper sleeper) {
        this.run = run;
        this.plan = plan;
        this.json = json;
        this.listener = listener == null ? EvolutionListener.NONE : listener;
        this.ledger = new Ledger(run.ledger(), Clock.systemUTC());
        this.memories = new AgentMemories(run, json);
        this.variants = new Variants(parts.variants());
        this.desk = new RequestDesk(new RequestBook(run.requests(), json, Clock.systemUTC()),
                new SuggestionBox(run.suggestions(), json, Clock.systemUTC()), ledger, memories, parts.upgrader(),
                this.listener, sleeper);
        this.budget = desk.inForce(plan.budget(), Integer.MAX_VALUE);
        this.replicates = new Replicates(parts.evaluator(), ledger, variants::get, plan.seed(), budget);
        this.ladder = new Ladder(plan.rungs(), parts.evaluator(), ledger, variants::get, replicates, plan.seed(),
                this.listener);
        this.offspring = new Offspring(plan, parts.mutator(), new TaskBriefing(memories, variants::parents), variants,
                ledger, ladder, this.listener);
        this.race = new Race(plan, replicates, this.listener);
        this.attempts = new Attempts(memories, variants, parts.diff());
    }

    /**
     * Starts a run: the seed is written under {@code variants/}, the agents are enrolled with the
     * default personas in turn, all own the seed, and the checkpoint of generation 0 is written.
     *
     * @param settings the run's configuration, kept in {@code run.json} for resuming
     * @param llm the agents' LLM settings, as their memory files record them
     */
    public RunState begin(String id, Variant seed, JsonNode settings, Map<String, String> llm) {
        if (Files.exists(run.state())) {
            throw new IllegalStateException(run.root() + " already holds a run; resume it with: darwin resume " + run.root());
        }
        variants.store(seed);
        List<RunState.Member> members = new ArrayList<>();
        for (int i = 0; i < plan.agents(); i++) {
            String agent = agentName(i);
            memories.enrol(agent, Personas.forAgent(i), llm);
            members.add(new RunState.Member(agent, seed.id()));
        }
        RunState state = new RunState(id, Clock.systemUTC().instant(), settings, 0, members, seed.id());
        state.save(run.state(), json);
        ledger.append(new RunStarted(id, seed.id()));
        return state;
    }

    /** The name of the agent with index {@code i}: agent-1, agent-2, … */
    public static String agentName(int i) {
        return "agent-" + (i + 1);
    }

    /** Runs the remaining generations of the plan and returns the final checkpoint. */
    public RunState run(RunState state) throws InterruptedException {
        RunState current = state;
        while (current.generation() < plan.generations()) {
            current = generation(current);
        }
        ledger.append(new RunEnded(current.generation())); // once: a run resumed for more generations does not end again
        return current;
    }

    /** One generation, from a checkpoint to the next. */
    RunState generation(RunState state) throws InterruptedException {
        int g = state.generation() + 1;
        listener.generationStarted(g, plan.generations());
        RequestDesk.Upgraded upgraded = desk.upgrade(g, state.members(), plan.budget(), variants::get, variants::store);
        budget = upgraded.budget();
        replicates.budget(budget);
        desk.deliver(g);
        RunState measured = noiseFloor(state);
        Map<String, Integer> counts = counts(g, measured);
        Significance significance = significance(counts, measured.seedVariant());

        Map<String, List<EvaluationResult>> results = new ConcurrentHashMap<>();
        for (RunState.Member member : upgraded.members()) {
            results.computeIfAbsent(member.variant(), id -> firstQuietly(id, counts.getOrDefault(id, 1)));
        }
        if (!budget.equals(plan.budget())) {
            // people raised the budget: the seed is measured at it too, so that gains stay comparable
            results.computeIfAbsent(measured.seedVariant(), id -> firstQuietly(id, counts.getOrDefault(id, 1)));
        }
        List<Member> members = members(upgraded.members(), results);
        List<Pairing> pairings = new Matchmaker(plan.selector()).pair(members, plan.offspring(), significance,
                new SplittableRandom(plan.seedFor(g, PAIRING)));
        Map<String, Metrics> figures = figures(results);
        List<Slot> slots = offspring.of(g, pairings, figures, members, counts, results, budget);
        desk.file(g, slots.stream().map(Slot::proposal).toList());
        Map<String, Stage> reached = climb(g, slots, significance, counts, results);

        List<Member> children = children(slots, results);
        race.run(g, members, children, significance, results);
        members = members(upgraded.members(), results);
        children = children(slots, results);
        Survivors survivors = plan.selector().select(members, children, plan.agents(), significance,
                new SplittableRandom(plan.seedFor(g, SURVIVAL)));
        attempts.record(g, slots, results, significance, reached, plan.rungs(), budget);

        List<RunState.Member> next = survivors.members().stream().map(m -> new RunState.Member(m.agent(), m.variant())).toList();
        Map<String, Integer> replicated = new TreeMap<>(counts);
        results.forEach((variant, list) -> replicated.merge(variant, list.size(), Math::max));
        ledger.append(new Selected(g, budget.key(), next, survivors.elites(), replicated, judged(significance)));
        RunState after = measured.next(next);
        after.save(run.state(), json);
        listener.generationEnded(g, survivors);
        if (plan.awaitApproval() && g < plan.generations()) {
            desk.awaitDecisions(g);
        }
        return after;
    }

    /**
     * The rungs of the generation's children, when the plan has rungs: the promoted reach the full
     * budget and join {@code results}. The rung each child reached, by id (empty without rungs).
     */
    private Map<String, Stage> climb(int g, List<Slot> slots, Significance significance, Map<String, Integer> counts,
            Map<String, List<EvaluationResult>> results) throws InterruptedException {
        if (!plan.rungs().on()) {
            return Map.of();
        }
        Map<String, List<String>> starts = new LinkedHashMap<>();
        for (Slot slot : slots) {
            if (slot.proposal().child() != null) {
                starts.putIfAbsent(slot.proposal().child(), slot.proposal().tags());
            }
        }
        return ladder.climb(g, starts, significance, counts, results);
    }

    /**
     * The noise floor at the budget in force: the seed evaluated {@link Replication#floor()} times,
     * once per run and again when people raise the budget. The state returned carries it (and is
     * saved, so that {@code darwin status} shows it at once).
     */
    private RunState noiseFloor(RunState state) throws InterruptedException {
        Replication replication = plan.replication();
        NoiseFloor known = state.noiseFloor();
        if (!replication.measuresNoise() || (known != null && known.budget().equals(budget.key()))) {
            return state;
        }
        List<EvaluationResult> seed = replicates.first(state.seedVariant(), replication.floor());
        NoiseFloor floor = new NoiseFloor(budget.key(), seed.size(),
                Replicates.losses(seed).map(s -> s.noise()).orElse(Noise.UNKNOWN),
                Replicates.logMfus(seed).map(s -> s.noise()).orElse(Noise.UNKNOWN));
        ledger.append(NoiseFloorMeasured.of(floor, state.seedVariant()));
        listener.noiseFloor(floor);
        RunState with = state.withNoiseFloor(floor);
        with.save(run.state(), json);
        return with;
    }

    /**
     * How many replicates each variant counts at the start of generation {@code g}: those the
     * previous generation's selection recorded at the budget in force, and the seed's floor.
     */
    private Map<String, Integer> counts(int g, RunState state) {
        Map<String, Integer> counts = new TreeMap<>();
        ledger.find(Selected.class, Selected.identity(g - 1)).filter(s -> s.budget().equals(budget.key()))
                .ifPresent(s -> counts.putAll(s.replicates()));
        NoiseFloor floor = state.noiseFloor();
        if (floor != null && floor.budget().equals(budget.key())) {
            counts.merge(state.seedVariant(), floor.replicates(), Math::max);
        }
        return counts;
    }

    /**
     * The noise the generation judges by: the residuals of every variant measured more than once
     * so far (the seed's floor among them), pooled on the log scale, and the plan's margin.
     */
    private Significance significance(Map<String, Integer> counts, String seedVariant) throws InterruptedException {
        if (!plan.replication().measuresNoise() && plan.replication().cap() == 1) {
            return Significance.NONE;
        }
        List<Sample> losses = new ArrayList<>();
        List<Sample> mfus = new ArrayList<>();
        for (var entry : counts.entrySet()) {
            if (entry.getValue() < 2) {
                continue;
            }
            List<EvaluationResult> known = replicates.first(entry.getKey(), entry.getValue());
            Replicates.losses(known).ifPresent(losses::add);
            Replicates.logMfus(known).ifPresent(mfus::add);
        }
        return new Significance(Noise.pooled(losses), Noise.pooled(mfus), plan.replication().margin());
    }

    private static Selected.Judged judged(Significance significance) {
        return new Selected.Judged(significance.loss().sd(), significance.loss().degreesOfFreedom(),
                significance.logMfu().sd(), significance.logMfu().degreesOfFreedom(), significance.margin());
    }

    /** Each member with the fitness of all its variant's replicates. */
    private static List<Member> members(List<RunState.Member> owners, Map<String, List<EvaluationResult>> results) {
        return owners.stream()
                .map(m -> new Member(m.agent(), m.variant(), Fitness.of(results.get(m.variant())))).toList();
    }

    /**
     * The children that were evaluated at the full budget, in slot order, with the fitness of all
     * their replicates: a child that stopped at a lower rung never enters selection.
     */
    private static List<Member> children(List<Slot> slots, Map<String, List<EvaluationResult>> results) {
        return slots.stream().filter(s -> s.proposal().child() != null && results.containsKey(s.proposal().child()))
                .map(s -> new Member(s.proposal().agent(), s.proposal().child(), Fitness.of(results.get(s.proposal().child()))))
                .toList();
    }

    /** The mean figures of every variant measured, for the briefings. */
    private static Map<String, Metrics> figures(Map<String, List<EvaluationResult>> results) {
        Map<String, Metrics> figures = new LinkedHashMap<>();
        results.forEach((variant, list) -> Effects.meanMetrics(list).ifPresent(m -> figures.put(variant, m)));
        return figures;
    }

    private List<EvaluationResult> firstQuietly(String id, int count) {
        try {
            return replicates.first(id, count);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A variant of the run, from memory or from the variant store. */
    public Variant variant(String id) {
        return variants.get(id);
    }

    /** The budget in force: the plan's, raised by the budget requests people approved. */
    public Budget budget() {
        return budget;
    }

    public Ledger ledger() {
        return ledger;
    }

    public AgentMemories memories() {
        return memories;
    }
}
