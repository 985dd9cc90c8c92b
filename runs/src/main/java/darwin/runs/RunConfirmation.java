package darwin.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.Budget;
import darwin.core.Evaluator;
import darwin.core.Variant;
import darwin.core.stats.Interval;
import darwin.memory.ConfirmedGain;
import darwin.memory.RequestBook;
import darwin.memory.RequestStatus;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import darwin.memory.ledger.Ledger;
import darwin.population.confirm.Confirmation;
import darwin.population.confirm.ConfirmationListener;
import darwin.population.confirm.ConfirmationResult;
import darwin.population.confirm.Measurement;
import darwin.population.confirm.Standings;
import darwin.population.upgrade.UpgradeReader;
import darwin.runs.config.RunSettings;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A run's best variant confirmed against its seed, for {@code darwin confirm} and for the end of
 * {@code darwin run} and {@code darwin resume}: the confirmation on the run's evaluator, budget
 * and seed, and its gain written into {@code run.json}.
 */
final class RunConfirmation {

    private RunConfirmation() {}

    /**
     * Confirms {@code variant} against {@code seed} and, when a gain came of it, writes it into the
     * run's checkpoint (read again first, so that nothing else it holds is lost).
     */
    static ConfirmationResult confirm(RunDirectory run, Evaluator evaluator, Ledger ledger, Variant variant, Variant seed,
            Budget budget, int repeat, long base, ConfirmationListener listener, ObjectMapper json)
            throws InterruptedException {
        ConfirmationResult result = new Confirmation(evaluator, ledger, listener, Clock.systemUTC())
                .confirm(variant, seed, budget, repeat, base);
        if (result instanceof ConfirmationResult.Confirmed confirmed) {
            RunState.load(run.state(), json).withConfirmed(confirmed.gain()).save(run.state(), json);
        }
        return result;
    }

    /**
     * The budget in force at the end of a run, as the loop has it: the configured one raised by
     * every budget request applied.
     */
    static Budget budget(RunSettings settings, RunDirectory run, ObjectMapper json) {
        return UpgradeReader.raised(settings.budget(), new RequestBook(run.requests(), json, Clock.systemUTC())
                .with(RequestStatus.APPLIED));
    }

    /**
     * Whether a run that has done all its generations still owes its confirmation: it is on, and
     * the best variant at the budget in force is not the seed and not the one {@code run.json}
     * holds a confirmed gain of (a run stopped while confirming).
     */
    static boolean owed(RunSettings settings, RunDirectory run, RunState state, ObjectMapper json) {
        if (!settings.confirm().enabled()) {
            return false;
        }
        Budget budget = budget(settings, run, json);
        Optional<String> best = Standings.at(Ledger.read(run.ledger()), budget).best().map(Standings.Measured::variant);
        ConfirmedGain confirmed = state.confirmed();
        return best.isPresent() && !best.get().equals(state.seedVariant()) && (confirmed == null
                || !confirmed.variant().equals(best.get()) || !confirmed.budget().equals(budget.key()));
    }

    /** A listener that says each evaluation on one line: {@code confirming 3/6: seed 0123… seed 42: perplexity 12.103, MFU 3.1%}. */
    static ConfirmationListener saying(Consumer<String> say) {
        return (measurement, done, of) -> say.accept(line(measurement, done, of));
    }

    static String line(Measurement m, int done, int of) {
        return String.format(Locale.ROOT, "confirming %d/%d: %-7s %s with seed %d: %s", done, of, m.side().word(), m.variant(),
                m.seed(), m.usable().map(x -> String.format(Locale.ROOT, "perplexity %.3f, MFU %.1f%%", x.perplexity(),
                        100 * x.mfu())).orElse(m.problem()));
    }

    /** The result as one JSON object: the gain with its intervals, or why there is none, and every evaluation. */
    static ObjectNode toJson(ConfirmationResult result, String budget, ObjectMapper json) {
        ObjectNode node = json.createObjectNode().put("variant", result.variant()).put("seed", result.seed())
                .put("budget", budget);
        switch (result) {
            case ConfirmationResult.Confirmed c -> {
                node.put("confirmed", true).put("significant", c.gain().significant()).put("verdict", c.verdict().words());
                node.put("seedEvaluations", c.seedLoss().count()).put("variantEvaluations", c.variantLoss().count());
                node.put("seedPerplexity", c.seedPerplexity()).put("variantPerplexity", c.variantPerplexity());
                node.put("seedMfu", c.seedMfu()).put("variantMfu", c.variantMfu());
                node.set("perplexity", interval(c.gain().perplexity(), json));
                node.set("mfu", interval(c.gain().mfu(), json));
                node.put("at", c.gain().at().toString());
            }
            case ConfirmationResult.Unconfirmed u -> node.put("confirmed", false).put("reason", u.reason());
        }
        ArrayNode evaluations = node.putArray("evaluations");
        for (Measurement m : result.measurements()) {
            ObjectNode e = evaluations.addObject().put("side", m.side().word()).put("variant", m.variant())
                    .put("seed", m.seed()).put("status", m.result().status().name()).put("reason", m.result().reason());
            m.result().measured().ifPresent(x -> e.put("valLoss", x.valLoss()).put("perplexity", x.perplexity())
                    .put("mfu", x.mfu()));
        }
        return node;
    }

    private static ObjectNode interval(Interval interval, ObjectMapper json) {
        return json.createObjectNode().put("estimate", interval.estimate()).put("low", interval.low())
                .put("high", interval.high()).put("level", interval.level());
    }
}
