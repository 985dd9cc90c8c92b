package darwin.population.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.Budget;
import darwin.core.Change;
import darwin.core.EvaluationResult;
import darwin.core.Evaluator;
import darwin.core.Metrics;
import darwin.core.MutationTask;
import darwin.core.Mutator;
import darwin.core.Personas;
import darwin.core.Proposal;
import darwin.core.Variant;
import darwin.memory.AgentMemories;
import darwin.memory.AgentMemory;
import darwin.memory.Attempt;
import darwin.memory.EventType;
import darwin.memory.Ledger;
import darwin.memory.LedgerEntry;
import darwin.memory.MemoryDigest;
import darwin.memory.Request;
import darwin.memory.RequestBook;
import darwin.memory.SuggestionBox;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import darwin.mutation.OfflineMutator;
import darwin.mutation.edit.UnifiedDiff;
import darwin.mutation.prompt.PromptBuilder;
import darwin.population.selection.Fitness;
import darwin.population.selection.Matchmaker;
import darwin.population.selection.Member;
import darwin.population.selection.Pairing;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The generation loop of a run.
 *
 * <p>One generation: every member variant is evaluated (from the cache, except the first time);
 * the {@link Matchmaker} pairs mutating agents with targets they do not own; each pairing is
 * proposed by the {@link Mutator} and its child evaluated by the {@link Evaluator}, all pairings
 * at once, so that the LLM writes the next proposals while earlier children train (the evaluator
 * runs as many at a time as it has slots); the selector picks the next population from parents
 * and offspring; the checkpoint {@code run.json} is rewritten atomically.
 *
 * <p>Resume: everything a generation does is keyed — a proposal by its generation and slot
 * ({@code g3-s1}), an evaluation by its variant — and looked up before it is done again: a
 * proposal in the ledger is not asked for again (its child is on disk), an evaluation is in the
 * result cache, an attempt in an agent's memory is not recorded twice, and a ledger event is not
 * appended twice. A run killed at any instant therefore resumes at the generation after the last
 * checkpoint, redoes nothing that was done, and, with a deterministic mutator, ends exactly where an
 * uninterrupted run ends.
 *
 * <p>Concurrency: the ledger and the memories are synchronized; the loop itself runs on one thread
 * and uses a pool for the pairings of a generation.
 */
public final class Evolution {

    private static final int LINEAGE_LINES = 6;
    private static final int DIGEST_LINES = 24;
    private static final int PEER_LINES = 3;
    private static final int NOTE_LINES = 10;

    private final RunDirectory run;
    private final EvolutionPlan plan;
    private final Mutator mutator;
    private final Evaluator evaluator;
    private final Ledger ledger;
    private final AgentMemories memories;
    private final ObjectMapper json;
    private final EvolutionListener listener;
    private final Map<String, Variant> variants = new ConcurrentHashMap<>();
    private final RequestDesk desk;
    private volatile Budget budget;

    /**
     * @param upgrader applies people's approved requests to the members' variants
     */
    public Evolution(RunDirectory run, EvolutionPlan plan, Mutator mutator, Evaluator evaluator, ObjectMapper json,
            EvolutionListener listener, Upgrader upgrader) {
        this.run = run;
        this.plan = plan;
        this.mutator = mutator;
        this.evaluator = evaluator;
        this.json = json;
        this.listener = listener == null ? EvolutionListener.NONE : listener;
        this.ledger = new Ledger(run.ledger(), json, Clock.systemUTC());
        this.memories = new AgentMemories(run, json);
        this.desk = new RequestDesk(new RequestBook(run.requests(), json, Clock.systemUTC()),
                new SuggestionBox(run.suggestions(), json, Clock.systemUTC()), ledger, memories, upgrader, json, this.listener);
        this.budget = desk.inForce(plan.budget(), Integer.MAX_VALUE);
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
        ObjectNode start = json.createObjectNode().put("event", "start").put("run", id).put("seed", seed.id());
        ledger.append(EventType.RUN, start);
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
        if (ledger.entries(EventType.RUN).stream().noneMatch(e -> e.data().path("event").asText().equals("end"))) {
            ledger.append(EventType.RUN, json.createObjectNode().put("event", "end").put("generation", current.generation()));
        }
        return current;
    }

    /** One generation, from a checkpoint to the next. */
    RunState generation(RunState state) throws InterruptedException {
        int g = state.generation() + 1;
        listener.generationStarted(g, plan.generations());
        RequestDesk.Upgraded upgraded = desk.upgrade(g, state.members(), plan.budget(), this::variant, this::store);
        budget = upgraded.budget();
        desk.deliver(g);
        Map<String, EvaluationResult> results = new LinkedHashMap<>();
        List<Member> members = new ArrayList<>();
        for (RunState.Member member : upgraded.members()) {
            EvaluationResult result = results.computeIfAbsent(member.variant(), this::evaluateQuietly);
            members.add(new Member(member.agent(), member.variant(), Fitness.of(result)));
        }
        if (!budget.equals(plan.budget())) {
            // people raised the budget: the seed is measured at it too, so that gains stay comparable
            results.computeIfAbsent(state.seedVariant(), this::evaluateQuietly);
        }
        for (var known : results.entrySet()) {
            logEvaluation(known.getKey(), known.getValue());
        }
        List<Pairing> pairings = new Matchmaker(plan.selector()).pair(members, plan.offspring(),
                new SplittableRandom(plan.seedFor(g, -1)));
        List<Member> offspring = offspring(g, pairings, results, members);
        Survivors survivors = plan.selector().select(members, offspring, plan.agents(), new SplittableRandom(plan.seedFor(g, -2)));
        List<RunState.Member> next = survivors.members().stream().map(m -> new RunState.Member(m.agent(), m.variant())).toList();
        if (ledger.entries(EventType.SELECTION).stream().noneMatch(e -> e.data().path("generation").asInt() == g)) {
            ObjectNode selection = json.createObjectNode().put("generation", g).put("budget", budget.key());
            selection.set("members", json.valueToTree(next));
            selection.set("elites", json.valueToTree(survivors.elites()));
            ledger.append(EventType.SELECTION, selection);
        }
        RunState after = state.next(next);
        after.save(run.state(), json);
        listener.generationEnded(g, survivors);
        if (plan.awaitApproval() && g < plan.generations()) {
            desk.awaitDecisions(g);
        }
        return after;
    }

    /** Proposes and evaluates every pairing at once; the children that were evaluated. */
    private List<Member> offspring(int g, List<Pairing> pairings, Map<String, EvaluationResult> results, List<Member> members)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, pairings.size()), task -> {
            Thread thread = new Thread(task, "proposal");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Optional<Member>>> futures = new ArrayList<>();
            for (int slot = 0; slot < pairings.size(); slot++) {
                int s = slot;
                futures.add(pool.submit(() -> slot(g, s, pairings.get(s), results, members)));
            }
            List<Member> children = new ArrayList<>();
            for (Future<Optional<Member>> future : futures) {
                try {
                    future.get().ifPresent(children::add);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a proposal of generation " + g + " failed in the harness: "
                            + e.getCause(), e.getCause());
                }
            }
            return children;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One pairing: the proposal (or the one already in the ledger), its child's evaluation, the attempt. */
    private Optional<Member> slot(int g, int slot, Pairing pairing, Map<String, EvaluationResult> results, List<Member> members)
            throws InterruptedException {
        String key = "g" + g + "-s" + slot;
        Variant target = variant(pairing.target());
        Optional<LedgerEntry> done = ledger.entries(EventType.PROPOSAL).stream()
                .filter(e -> e.data().path("key").asText().equals(key)).findFirst();
        Recorded proposal = done.map(e -> Recorded.of(e.data())).orElseGet(() -> {
            try {
                Proposal fresh = mutator.propose(task(g, slot, pairing, target, results, members));
                fresh.child().ifPresent(this::store);
                listener.proposed(g, slot, fresh);
                Optional<Request> filed = fresh.change().flatMap(Change::request)
                        .map(request -> desk.file(key, g, pairing.mutator(), request));
                Recorded recorded = Recorded.of(key, g, slot, pairing, fresh);
                ledger.append(EventType.PROPOSAL, recorded.toJson(json));
                filed.ifPresent(request -> ledger.append(EventType.REQUEST, json.createObjectNode().put("key", key)
                        .put("request", request.id()).put("agent", pairing.mutator()).put("kind", request.kind().name())
                        .put("title", request.title()).put("rationale", request.rationale()).put("payload", request.payload())));
                return recorded;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
        EvaluationResult before = results.get(target.id());
        EvaluationResult after = null;
        Member child = null;
        if (proposal.child() != null) {
            after = evaluate(variant(proposal.child()));
            logEvaluation(proposal.child(), after);
            listener.evaluated(g, proposal.child(), after);
            child = new Member(pairing.mutator(), proposal.child(), Fitness.of(after));
        }
        if (!memories.knows(pairing.mutator(), key)) {
            String diff = proposal.child() == null ? "" : UnifiedDiff.of(target, variant(proposal.child())).text();
            memories.record(new Attempt(key, g, pairing.mutator(), pairing.owner(), target.id(), proposal.child(),
                    proposal.summary(), proposal.reasoning(), proposal.tags(), diff, proposal.inputTokens(),
                    proposal.outputTokens(), proposal.cost(), after == null ? proposal.status() : after.status().name(),
                    after == null ? proposal.reason() : after.reason(), before == null ? null : before.metrics(),
                    after == null ? null : after.metrics()));
        }
        return Optional.ofNullable(child);
    }

    private MutationTask task(int g, int slot, Pairing pairing, Variant target, Map<String, EvaluationResult> results,
            List<Member> members) {
        var memory = memories.get(pairing.mutator());
        Optional<Metrics> metrics = Optional.ofNullable(results.get(target.id())).flatMap(EvaluationResult::measured);
        List<String> lineage = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        lineage(target.id(), lineage, tried);
        List<String> peers = members.stream()
                .filter(m -> m.fitness().works())
                .sorted(Comparator.comparingDouble(m -> m.fitness().perplexity()))
                .map(Member::variant).distinct().limit(PEER_LINES)
                .map(id -> id + (members.stream().filter(m -> m.variant().equals(id)).map(Member::agent).toList())
                        + ": " + results.get(id).measured().map(PromptBuilder::describe).orElse(""))
                .toList();
        return new MutationTask(pairing.mutator(), memory.persona(), MemoryDigest.of(memory, DIGEST_LINES), target,
                pairing.owner(), metrics, lineage, peers, notes(memory), budget, tried, plan.seedFor(g, slot));
    }

    /** What people told the agent, the latest last. */
    private static List<String> notes(AgentMemory memory) {
        List<String> notes = memory.notes().stream().map(n -> "gen " + n.generation() + ": " + n.text()).toList();
        return notes.subList(Math.max(0, notes.size() - NOTE_LINES), notes.size());
    }

    /** The steps that led to a variant, newest first, and the catalog entries along the way. */
    private void lineage(String variant, List<String> lines, List<String> tried) {
        Map<String, Attempt> byChild = new HashMap<>();
        memories.all().values().forEach(m -> m.attempts().forEach(a -> {
            if (a.child() != null) {
                byChild.putIfAbsent(a.child(), a);
            }
        }));
        String current = variant;
        for (int depth = 0; depth < 1000; depth++) {
            Attempt step = byChild.get(current);
            if (step == null) {
                // a member upgraded by people's request: its parent is the member before
                List<String> parents = Files.exists(run.variant(current)) ? variant(current).parents() : List.of();
                if (parents.size() != 1) {
                    break;
                }
                current = parents.getFirst();
                continue;
            }
            if (lines.size() < LINEAGE_LINES) {
                String effect = Double.isNaN(step.perplexityChange()) ? step.status()
                        : String.format(Locale.ROOT, "perplexity %+.1f%%", 100 * step.perplexityChange());
                lines.add("gen " + step.generation() + ", " + step.mutator() + ": " + step.summary() + " → " + effect);
            }
            OfflineMutator.entries(new Change("", "", step.tags(), List.of(), Optional.empty()))
                    .forEach(tried::add);
            current = step.parent();
        }
    }

    private EvaluationResult evaluate(Variant variant) throws InterruptedException {
        return evaluator.evaluate(variant, budget, plan.seed());
    }

    private EvaluationResult evaluateQuietly(String id) {
        try {
            return evaluate(variant(id));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private synchronized void logEvaluation(String variant, EvaluationResult result) {
        boolean known = ledger.entries(EventType.EVALUATION).stream()
                .anyMatch(e -> e.data().path("variant").asText().equals(variant)
                        && e.data().path("budget").asText().equals(budget.key()));
        if (known) {
            return;
        }
        ObjectNode data = json.createObjectNode().put("variant", variant).put("budget", budget.key())
                .put("seed", plan.seed()).put("status", result.status().name()).put("reason", result.reason());
        result.measured().ifPresent(m -> data.set("metrics", json.valueToTree(m)));
        ledger.append(EventType.EVALUATION, data);
    }

    /** A variant of the run, from memory or from {@code variants/<id>/}. */
    public Variant variant(String id) {
        return variants.computeIfAbsent(id, k -> VariantDirectory.read(run.variant(k)));
    }

    private void store(Variant variant) {
        variants.putIfAbsent(variant.id(), variant);
        Path dir = run.variant(variant.id());
        if (Files.exists(dir.resolve(VariantDirectory.METADATA))) {
            return;
        }
        try {
            VariantDirectory.write(variant, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write variant " + variant.id() + " to " + dir, e);
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

    /** A proposal as the ledger records it: enough to resume without asking again. */
    private record Recorded(String key, int generation, int slot, String agent, String target, String owner, String status,
            String reason, String child, String summary, String reasoning, List<String> tags, long inputTokens,
            long outputTokens, double cost) {

        static Recorded of(String key, int g, int slot, Pairing pairing, Proposal proposal) {
            Optional<Change> change = proposal.change();
            return new Recorded(key, g, slot, pairing.mutator(), pairing.target(), pairing.owner(), proposal.status().name(),
                    proposal.reason(), proposal.child().map(Variant::id).orElse(null),
                    change.map(Change::summary).orElse(""), change.map(Change::reasoning).orElse(""),
                    change.map(Change::tags).orElse(List.of()), proposal.inputTokens(), proposal.outputTokens(), proposal.cost());
        }

        static Recorded of(JsonNode data) {
            List<String> tags = new ArrayList<>();
            data.path("tags").forEach(t -> tags.add(t.asText()));
            return new Recorded(data.path("key").asText(), data.path("generation").asInt(), data.path("slot").asInt(),
                    data.path("agent").asText(), data.path("target").asText(), data.path("owner").asText(),
                    data.path("status").asText(), data.path("reason").asText(),
                    data.hasNonNull("child") ? data.path("child").asText() : null, data.path("summary").asText(),
                    data.path("reasoning").asText(), tags, data.path("inputTokens").asLong(), data.path("outputTokens").asLong(),
                    data.path("cost").asDouble());
        }

        ObjectNode toJson(ObjectMapper json) {
            return json.valueToTree(this);
        }
    }
}
