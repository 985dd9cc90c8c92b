package darwin.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.Evaluator;
import darwin.core.MutatorUnavailableException;
import darwin.core.Variant;
import darwin.core.text.TerminalText;
import darwin.memory.RequestBook;
import darwin.memory.RequestStatus;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import darwin.mutation.edit.UnifiedDiff;
import darwin.mutation.llm.CostLedger;
import darwin.population.confirm.ConfirmationResult;
import darwin.population.confirm.Standings;
import darwin.population.loop.Evolution;
import darwin.population.loop.EvolutionPlan;
import darwin.population.selection.Fitness;
import darwin.runs.config.RunSettings;
import darwin.runs.config.Selection;
import darwin.trainer.sandbox.LocalEvaluator;
import darwin.trainer.variant.SeedVariant;
import darwin.trainer.variant.VariantDirectory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Runs a run's generations, new or resumed, and prints the summary at the end. */
final class RunSession {

    /**
     * The exit status of a run stopped because its LLM endpoint stayed down past
     * {@code llm.outage-limit}: a temporary failure (sysexits' EX_TEMPFAIL); resume it later.
     */
    static final int ENDPOINT_DOWN = 75;

    private RunSession() {}

    /**
     * @param state the checkpoint to continue from, or empty to start
     * @param persisted the settings as {@code run.json} keeps them (for a new run)
     * @param evaluators opens the run's evaluator
     */
    static int execute(RunSettings settings, RunDirectory run, Optional<RunState> state,
            JsonNode persisted, PrintWriter out, PrintWriter err, RunEvaluators evaluators) throws Exception {
        ObjectMapper json = new ObjectMapper();
        CostLedger costs = new CostLedger();
        RunAssembly.checkEndpoint(settings, costs); // before anything is created or trained
        Files.createDirectories(run.root());
        LocalEvaluator[] holder = new LocalEvaluator[1];
        RunProgress progress = new RunProgress(err, run.log(),
                () -> holder[0] == null ? 0 : holder[0].utilisation(), costs::spent,
                (settings.population().generations() - state.map(RunState::generation).orElse(0))
                        * settings.population().offspring(), ProgressLine.isTerminal());
        RunState end;
        Ending ending;
        Evolution evolution;
        LocalEvaluator evaluator;
        try {
            progress.say("%s run %s: %d agents, %d generations, %s per variant, %s mutator",
                    state.isPresent() ? "resuming" : "starting", run.root(), settings.population().agents(),
                    settings.population().generations(), settings.budget().describe(),
                    settings.llm().offline() ? "offline catalog" : settings.llm().provider().orElseThrow() + " "
                            + settings.llm().model().orElse(""));
            Evolution[] opened = new Evolution[1];
            evaluator = evaluators.open(settings, run, progress, () -> opened[0] == null ? null : opened[0].ledger());
            holder[0] = evaluator;
            Variant seed = state.isPresent() ? null : SeedVariant.variant();
            String seedId = state.map(RunState::seedVariant).orElseGet(() -> seed.id());
            Optional<Fitness> seedFitness = Optional.empty();
            if (settings.population().selection() == Selection.WEIGHTED) {
                Variant seedVariant = seed != null ? seed : VariantDirectory.read(run.variant(seedId));
                seedFitness = Optional.of(Fitness.of(evaluator.evaluate(seedVariant, settings.budget(), settings.seed())));
            }
            EvolutionPlan plan = RunAssembly.plan(settings, seedFitness);
            OutageLog outages = new OutageLog(progress, () -> opened[0] == null ? null : opened[0].ledger());
            evolution = new Evolution(run, plan, RunAssembly.parts(settings, run, evaluator, costs, outages), json, progress);
            opened[0] = evolution;
            RunState start = state.orElseGet(() -> evolution.begin(run.root().getFileName().toString(), seed, persisted,
                    Map.of("provider", settings.llm().offline() ? "offline" : settings.llm().provider().orElseThrow().id(),
                            "model", settings.llm().model().orElse(""))));
            try {
                end = evolution.run(start);
            } catch (MutatorUnavailableException e) {
                err.println("darwin: " + e.getMessage() + ". The run stopped and can go on: darwin resume " + run.root());
                err.flush();
                return ENDPOINT_DOWN;
            }
            ending = confirm(settings, run, evolution, evaluator, end, progress, json);
        } finally {
            progress.close();
        }
        summary(end, evolution, evaluator, settings, run, costs, ending, out);
        return 0;
    }

    /**
     * What the run's figures say at its end: the best variant at the budget in force, and its
     * confirmation against the seed, or why there is none.
     *
     * @param confirmation the confirmation, when one was made
     * @param unconfirmed why the best's gain is not confirmed, when it is not (empty when it is, or
     *     when there is nothing to confirm)
     */
    private record Ending(Standings standings, Optional<ConfirmationResult> confirmation, String unconfirmed) {}

    /** Confirms the best variant against the seed, unless the settings say not to or the best is the seed. */
    private static Ending confirm(RunSettings settings, RunDirectory run, Evolution evolution, Evaluator evaluator,
            RunState end, RunProgress progress, ObjectMapper json) throws InterruptedException {
        // people may have raised the budget: compare at the one in force at the end
        Budget budget = evolution.budget();
        Standings standings = Standings.at(evolution.ledger().entries(), budget);
        Optional<Standings.Measured> best = standings.best();
        if (best.isEmpty()) {
            return new Ending(standings, Optional.empty(), "");
        }
        if (best.get().variant().equals(end.seedVariant())) {
            progress.say("the best variant is the seed itself: there is no gain to confirm");
            return new Ending(standings, Optional.empty(), "");
        }
        if (!settings.confirm().enabled()) {
            return new Ending(standings, Optional.empty(), "confirm.enabled is false (darwin confirm " + run.root()
                    + " measures it)");
        }
        int repeat = settings.confirm().repeat();
        progress.say("confirming the best variant %s against the seed: %d evaluations of each, in turn, with fresh seeds",
                best.get().variant(), repeat);
        ConfirmationResult result = RunConfirmation.confirm(run, evaluator, evolution.ledger(),
                evolution.variant(best.get().variant()), evolution.variant(end.seedVariant()), budget, repeat, settings.seed(),
                RunConfirmation.saying(line -> progress.say("%s", line)), json);
        return switch (result) {
            case ConfirmationResult.Confirmed c -> {
                progress.say("confirmed: %s; %s", c.describe(), c.explained());
                yield new Ending(standings, Optional.of(c), "");
            }
            case ConfirmationResult.Unconfirmed u -> {
                progress.say("%s", u.reason());
                yield new Ending(standings, Optional.of(u), u.reason());
            }
        };
    }

    private static void summary(RunState end, Evolution evolution, LocalEvaluator evaluator, RunSettings settings,
            RunDirectory run, CostLedger costs, Ending ending, PrintWriter out) throws InterruptedException {
        Variant seed = evolution.variant(end.seedVariant());
        Budget budget = evolution.budget();
        EvaluationResult seedResult = evaluator.evaluate(seed, budget, settings.seed());
        // the best variant the run has measured, whether or not it is still in the population
        Optional<Standings.Measured> best = ending.standings().best();
        out.printf(Locale.ROOT, "%nrun %s: %d generations done, slots busy %.0f%% of the time, LLM cost $%.2f%n",
                run.root(), end.generation(), 100 * evaluator.utilisation(), costs.spent());
        seedResult.measured().ifPresentOrElse(
                m -> out.printf(Locale.ROOT, "seed  %s  perplexity %.3f  MFU %.1f%%%n", seed.id(), m.perplexity(), 100 * m.mfu()),
                () -> out.printf("seed  %s  %s: %s%n", seed.id(), seedResult.status(), TerminalText.line(seedResult.reason())));
        if (best.isEmpty()) {
            out.println("no variant of the population was measured");
        } else {
            String bestId = best.get().variant();
            List<String> owners = end.members().stream().filter(m -> m.variant().equals(bestId))
                    .map(RunState.Member::agent).toList();
            String owned = owners.isEmpty() ? "no longer in the population" : "owned by " + String.join(", ", owners);
            if (bestId.equals(seed.id())) {
                out.printf("best  %s  the seed itself: no variant measured better, so there is no gain to confirm (%s)%n",
                        bestId, owned);
            } else {
                String headline = ending.confirmation().orElse(null) instanceof ConfirmationResult.Confirmed confirmed
                        ? Headline.confirmed(confirmed)
                        : Headline.unconfirmed(best.get(), ending.standings().of(seed.id()), ending.unconfirmed());
                out.printf("%s; %s%n", TerminalText.lines(headline), owned);
                String diff = UnifiedDiff.of(seed, evolution.variant(bestId)).text();
                out.println(diff.isEmpty() ? "its files are the seed's" : "\nits changes against the seed:\n" + TerminalText.lines(diff));
            }
        }
        long pending = new RequestBook(run.requests(), new ObjectMapper(),
                Clock.systemUTC()).with(RequestStatus.PENDING).size();
        if (pending > 0) {
            out.printf("%n%d upgrade request%s wait%s for a decision: ./darwin requests %s list%n", pending,
                    pending == 1 ? "" : "s", pending == 1 ? "s" : "", run.root());
        }
        out.printf("%nthe run's files are in %s: run.json, ledger.jsonl, agents/, variants/, run.log%n", run.root());
        out.printf("more generations: ./darwin resume %s --generations %d%n", run.root(), end.generation() + 2);
        out.flush();
    }
}
