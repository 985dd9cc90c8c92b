package darwin.population.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Budget;
import darwin.core.Change;
import darwin.core.EvaluationResult;
import darwin.core.Evaluator;
import darwin.core.Metrics;
import darwin.core.MutationTask;
import darwin.core.Mutator;
import darwin.core.MutatorUnavailableException;
import darwin.core.Personas;
import darwin.core.Proposal;
import darwin.core.Sleeper;
import darwin.core.Variant;
import darwin.core.stats.Noise;
import darwin.core.stats.Sample;
import darwin.memory.AgentMemories;
import darwin.memory.Attempt;
import darwin.memory.NoiseFloor;
import darwin.memory.Request;
import darwin.memory.RequestBook;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import darwin.memory.SuggestionBox;
import darwin.memory.ledger.Ledger;
import darwin.memory.ledger.NoiseFloorMeasured;
import darwin.memory.ledger.Proposed;
import darwin.memory.ledger.RequestFiled;
import darwin.memory.ledger.RunEnded;
import darwin.memory.ledger.RunStarted;
import darwin.memory.ledger.Selected;
import darwin.mutation.edit.UnifiedDiff;
import darwin.population.selection.Fitness;
import darwin.population.selection.Matchmaker;
import darwin.population.selection.Member;
import darwin.population.selection.Pairing;
import darwin.population.selection.Racing;
import darwin.population.selection.Significance;
import darwin.population.selection.Survivors;
import darwin.population.upgrade.Upgrader;
import darwin.trainer.variant.VariantDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * is done again: a proposal in the ledger is not asked for again (its child is on disk), an
 * evaluation is in the result cache, an attempt in an agent's memory is not recorded twice, and a
 * ledger event is held once by its identity (the ledger ignores a second append). How many replicates each variant had when a generation
 * began is in the previous generation's {@code SELECTION} event, and racing replays the same
 * decisions from it. A run killed at any instant therefore resumes at the generation after the
 * last checkpoint, redoes nothing that was done, and, with a deterministic mutator and budget, ends
 * exactly where an uninterrupted run ends. A mutator that is unavailable
 * ({@link MutatorUnavailableException}: its endpoint stayed down past the run's limit) stops the
 * run the same way, without recording the proposals it could not make.
 *
 * <p>Concurrency: the ledger and the memories are synchronized; the loop itself runs on one thread
 * and uses a pool for the pairings and the replicates of a generation.
 */
public final class Evolution {

    /** The purposes of the random streams of a generation (see {@link EvolutionPlan#seedFor}). */
    private static final int PAIRING = -1;
    private static final int SURVIVAL = -2;
    private static final int RACING = -100;
    private static final double LEVEL = 0.95;

    private final RunDirectory run;
    private final EvolutionPlan plan;
    private final Mutator mutator;
    private final Ledger ledger;
    private final AgentMemories memories;
    private final ObjectMapper json;
    private final EvolutionListener listener;
    private final Map<String, Variant> variants = new ConcurrentHashMap<>();
    private final RequestDesk desk;
    private final Replicates replicates;
    private final TaskBriefing briefing;
    private volatile Budget budget;

    /**
     * @param upgrader applies people's approved requests to the members' variants
     */
    public Evolution(RunDirectory run, EvolutionPlan plan, Mutator mutator, Evaluator evaluator, ObjectMapper json,
            EvolutionListener listener, Upgrader upgrader) {
        this(run, plan, mutator, evaluator, json, listener, upgrader, Sleeper.SYSTEM);
    }

    /**
     * A loop that waits for people's decisions with {@code sleeper} ({@link Sleeper#SYSTEM} above):
     * a test counts the looks at the request book instead of waiting seconds.
     */
    public Evolution(RunDirectory run, EvolutionPlan plan, Mutator mutator, Evaluator evaluator, ObjectMapper json,
            EvolutionListener listener, Upgrader upgrader, Sleeper sleeper) {
        this.run = run;
        this.plan = plan;
        this.mutator = mutator;
        this.json = json;
        this.listener = listener == null ? EvolutionListener.NONE : listener;
        this.ledger = new Ledger(run.ledger(), Clock.systemUTC());
        this.memories = new AgentMemories(run, json);
        this.desk = new RequestDesk(new RequestBook(run.requests(), json, Clock.systemUTC()),
                new SuggestionBox(run.suggestions(), json, Clock.systemUTC()), ledger, memories, upgrader, this.listener,
                sleeper);
        this.budget = desk.inForce(plan.budget(), Integer.MAX_VALUE);
        this.replicates = new Replicates(evaluator, ledger, this::variant, plan.seed(), budget);
        this.briefing = new TaskBriefing(memories,
                id -> Files.exists(run.variant(id)) ? variant(id).parents() : List.of());
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
        store(seed);
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
        RequestDesk.Upgraded upgraded = desk.upgrade(g, state.members(), plan.budget(), this::variant, this::store);
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
        List<Slot> slots = offspring(g, pairings, figures, members, counts, results);
        fileRequests(g, slots);

        List<Member> children = children(slots, results);
        race(g, members, children, significance, results);
        members = members(upgraded.members(), results);
        children = children(slots, results);
        Survivors survivors = plan.selector().select(members, children, plan.agents(), significance,
                new SplittableRandom(plan.seedFor(g, SURVIVAL)));
        record(g, slots, results, significance);

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

    /** The children that were evaluated, in slot order, with the fitness of all their replicates. */
    private static List<Member> children(List<Slot> slots, Map<String, List<EvaluationResult>> results) {
        return slots.stream().filter(s -> s.proposal().child() != null)
                .map(s -> new Member(s.proposal().agent(), s.proposal().child(), Fitness.of(results.get(s.proposal().child()))))
                .toList();
    }

    /**
     * Measures again, with fresh seeds, the candidates whose standing is not separated from the
     * noise and would change the survivors; until none is left, each contested one is at the cap,
     * or the generation's racing budget is spent. When a round names more than the budget has
     * left, the least measured go first (then by id), so that a resume spends it the same way.
     */
    private void race(int g, List<Member> members, List<Member> children, Significance significance,
            Map<String, List<EvaluationResult>> results) throws InterruptedException {
        int budget = plan.replication().raceBudget(children.size());
        int spent = 0;
        List<Member> currentMembers = members;
        List<Member> currentChildren = children;
        for (int round = 0; spent < budget; round++) {
            List<String> contested = new Racing(plan.selector(), plan.replication().cap()).contested(currentMembers,
                    currentChildren, plan.agents(), significance, new SplittableRandom(plan.seedFor(g, RACING - round)))
                    .stream().sorted(Comparator.comparingInt((String variant) -> results.get(variant).size())
                            .thenComparing(Comparator.naturalOrder()))
                    .limit(budget - spent).toList();
            if (contested.isEmpty()) {
                return;
            }
            spent += contested.size();
            List<Callable<Void>> work = new ArrayList<>();
            for (String variant : contested) {
                int count = results.get(variant).size() + 1;
                work.add(() -> {
                    results.put(variant, replicates.first(variant, count));
                    listener.replicated(g, variant, count);
                    return null;
                });
            }
            inParallel(g, work);
            currentMembers = currentMembers.stream()
                    .map(m -> new Member(m.agent(), m.variant(), Fitness.of(results.get(m.variant())))).toList();
            currentChildren = currentChildren.stream()
                    .map(m -> new Member(m.agent(), m.variant(), Fitness.of(results.get(m.variant())))).toList();
        }
    }

    /** One pairing's outcome: its proposal and the results of its child. */
    private record Slot(Pairing pairing, Proposed proposal) {}

    /** Proposes and evaluates every pairing at once; the slots in slot order. */
    private List<Slot> offspring(int g, List<Pairing> pairings, Map<String, Metrics> figures, List<Member> members,
            Map<String, Integer> counts, Map<String, List<EvaluationResult>> results) throws InterruptedException {
        List<Callable<Slot>> work = new ArrayList<>();
        for (int slot = 0; slot < pairings.size(); slot++) {
            int s = slot;
            MutationTask.Occurrence occurrence = TaskBriefing.occurrence(pairings, s);
            work.add(() -> slot(g, s, pairings.get(s), occurrence, figures, members, counts, results));
        }
        return inParallel(g, work);
    }

    /** Runs the tasks at once, one thread each, and returns their values in the tasks' order. */
    private static <T> List<T> inParallel(int g, List<Callable<T>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, tasks.size()), task -> {
            Thread thread = new Thread(task, "generation-" + g);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<T> values = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    values.add(future.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof InterruptedException interrupted) {
                        throw interrupted;
                    }
                    if (e.getCause() instanceof MutatorUnavailableException unavailable) {
                        throw unavailable; // no agent's failure: the run stops, and a resume asks again
                    }
                    throw new IllegalStateException("generation " + g + " failed in the harness: " + e.getCause(), e.getCause());
                }
            }
            return values;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One pairing: the proposal (or the one already in the ledger) and its child's first evaluation. */
    private Slot slot(int g, int slot, Pairing pairing, MutationTask.Occurrence occurrence, Map<String, Metrics> figures,
            List<Member> members, Map<String, Integer> counts, Map<String, List<EvaluationResult>> results)
            throws InterruptedException {
        String key = "g" + g + "-s" + slot;
        Variant target = variant(pairing.target());
        Optional<Proposed> done = ledger.find(Proposed.class, key);
        Proposed proposal;
        if (done.isPresent()) {
            proposal = done.get();
        } else {
            Proposal fresh = mutator.propose(briefing.task(pairing, target, figures, members, budget, plan.seedFor(g, slot),
                    occurrence));
            fresh.child().ifPresent(this::store);
            listener.proposed(g, slot, fresh);
            proposal = proposed(key, g, slot, pairing, fresh);
            ledger.append(proposal);
        }
        if (proposal.child() != null) {
            String child = proposal.child();
            List<EvaluationResult> measured = replicates.first(child, counts.getOrDefault(child, 1));
            results.merge(child, measured, (a, b) -> a.size() >= b.size() ? a : b);
            listener.evaluated(g, child, measured.getFirst());
        }
        return new Slot(pairing, proposal);
    }

    /** A fresh proposal as the ledger records it: enough to resume without asking again. */
    private static Proposed proposed(String key, int g, int slot, Pairing pairing, Proposal proposal) {
        Optional<Change> change = proposal.change();
        return new Proposed(key, g, slot, pairing.mutator(), pairing.target(), pairing.owner(), proposal.status().name(),
                proposal.reason(), proposal.child().map(Variant::id).orElse(null), change.map(Change::summary).orElse(""),
                change.map(Change::reasoning).orElse(""), change.map(Change::tags).orElse(List.of()), proposal.inputTokens(),
                proposal.outputTokens(), proposal.cost(), change.flatMap(Change::request).orElse(null));
    }

    /**
     * Files the generation's upgrade requests in slot order (once each: a resumed run finds them
     * filed); a request for what another proposal already asked is not filed again.
     */
    private void fileRequests(int g, List<Slot> slots) {
        for (Slot slot : slots) {
            Proposed proposal = slot.proposal();
            if (proposal.request() == null || desk.sameAs(proposal.key(), proposal.request()).isPresent()) {
                continue;
            }
            Request request = desk.file(proposal.key(), g, proposal.agent(), proposal.request());
            ledger.append(new RequestFiled(proposal.key(), request.id(), proposal.agent(), request.kind(), request.title(),
                    request.rationale(), request.payload()));
        }
    }

    /** Records every slot's attempt in slot order, with its effect against the noise. */
    private void record(int g, List<Slot> slots, Map<String, List<EvaluationResult>> results, Significance significance) {
        for (Slot slot : slots) {
            Proposed p = slot.proposal();
            if (memories.knows(p.agent(), p.key())) {
                continue;
            }
            Variant target = variant(p.target());
            List<EvaluationResult> before = results.getOrDefault(p.target(), List.of());
            List<EvaluationResult> after = p.child() == null ? List.of() : results.getOrDefault(p.child(), List.of());
            EvaluationResult last = after.isEmpty() ? null : after.stream().filter(r -> !r.status().measured()).findFirst()
                    .orElse(after.getFirst());
            String diff = p.child() == null ? "" : UnifiedDiff.of(target, variant(p.child())).text();
            memories.record(new Attempt(p.key(), g, p.agent(), p.owner(), target.id(), p.child(), p.summary(), p.reasoning(),
                    p.tags(), diff, p.inputTokens(), p.outputTokens(), p.cost(), last == null ? p.status() : last.status().name(),
                    last == null ? p.reason() : last.reason(), Effects.meanMetrics(before).orElse(null),
                    Effects.meanMetrics(after).orElse(null), Effects.of(before, after, significance, LEVEL).orElse(null)));
        }
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

    /** A variant of the run, from memory or from {@code variants/<id>/}. */
    public Variant variant(String id) {
        return variants.computeIfAbsent(id, k -> VariantDirectory.read(run.variant(k)));
    }

    /** Writes a variant's folder once; synchronized, as two slots may propose the same child at once. */
    private synchronized void store(Variant variant) {
        variants.putIfAbsent(variant.id(), variant);
        Path dir = run.variant(variant.id());
        if (Files.exists(dir.resolve(VariantDirectory.METADATA))) {
            return;
        }
        try {
            VariantDirectory.writeBesideResults(variant, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write variant " + variant.id() + " to " + dir + ": " + e.getMessage(), e);
        }
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
