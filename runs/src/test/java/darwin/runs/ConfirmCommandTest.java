package darwin.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Budget;
import darwin.core.EvaluationStatus;
import darwin.core.Metrics;
import darwin.core.RequestKind;
import darwin.core.UpgradeRequest;
import darwin.core.Variant;
import darwin.memory.RequestBook;
import darwin.memory.RequestStatus;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import darwin.memory.ledger.Evaluated;
import darwin.memory.ledger.EventType;
import darwin.memory.ledger.Ledger;
import darwin.memory.ledger.Replicated;
import darwin.trainer.variant.SeedVariant;
import darwin.trainer.variant.VariantDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code darwin confirm} on a run made by hand, its evaluations answered by a stub with known means. */
class ConfirmCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Budget BUDGET = Budget.seconds(30);
    private static final Variant SEED = SeedVariant.variant();
    private static final Variant BETTER = child("better");
    private static final Variant SAME = child("same");

    private static Variant child(String mark) {
        String path = SEED.files().keySet().stream().filter(p -> p.startsWith("program/")).findFirst().orElseThrow();
        return SEED.derive(Map.of(path, SEED.files().get(path) + "\n// " + mark + "\n"));
    }

    private final StubTraining stub = new StubTraining();
    private final List<String> trained = stub.trained;
    private final Map<String, EvaluationStatus> failing = stub.failing;

    ConfirmCommandTest() {
        stub.means.put(SEED.id(), new double[] {2.50, Math.log(0.030)});
        stub.means.put(BETTER.id(), new double[] {2.40, Math.log(0.031)});
        stub.means.put(SAME.id(), new double[] {2.50, Math.log(0.030)});
    }

    /**
     * A stopped run of one generation at 30 s with seed 7: the seed, a better variant and one no
     * different, each measured once by the run, the no-different one luckiest.
     */
    private static RunDirectory run(Path dir) throws Exception {
        RunDirectory run = new RunDirectory(dir);
        new RunState("fixture", Instant.parse("2026-11-22T00:00:00Z"), JSON.createObjectNode().put("budget.seconds", "30")
                .put("population.generations", "1").put("seed", "7"), 1,
                List.of(new RunState.Member("agent-1", BETTER.id()), new RunState.Member("agent-2", SAME.id())), SEED.id())
                .save(run.state(), JSON);
        for (Variant v : List.of(SEED, BETTER, SAME)) {
            VariantDirectory.write(v, run.variant(v.id()));
        }
        Ledger ledger = new Ledger(run.ledger(), Clock.systemUTC());
        evaluation(ledger, SEED, BUDGET, 2.50);
        evaluation(ledger, BETTER, BUDGET, 2.41);
        evaluation(ledger, SAME, BUDGET, 2.38); // a lucky draw of a null change: the run's best
        return run;
    }

    private static void evaluation(Ledger ledger, Variant variant, Budget budget, double loss) {
        ledger.append(new Evaluated(variant.id(), budget.key(), 7, 0, "OK", "trained and measured", new Metrics(loss,
                Math.exp(loss), 0.03, 1000, 30_000, 100, 800_000, 5e6, 1e11, 35, 30, "cpu")));
    }

    private Cli.Outcome confirm(String... args) {
        return stub.darwin(args);
    }

    @Test
    void theRunsBestIsMeasuredAgainstTheSeedAndItsLuckIsFoundOut(@TempDir Path dir) throws Exception {
        RunDirectory run = run(dir);
        Cli.Outcome outcome = confirm("confirm", dir.toString());
        assertEquals(0, outcome.status(), outcome.err() + outcome.out());
        assertTrue(outcome.out().startsWith("confirmed: perplexity "), outcome.out());
        assertTrue(outcome.out().contains("(95%, 3 + 3 evaluations), MFU "), outcome.out());
        assertTrue(outcome.out().contains("not significant at 95%: the interval holds 0"), outcome.out());
        assertTrue(outcome.out().contains("variant  " + SAME.id()), outcome.out());
        assertTrue(outcome.err().contains("confirming " + SAME.id() + " against the seed " + SEED.id() + " at 30.00 s"),
                outcome.err());
        assertTrue(outcome.err().contains("confirming 1/6: seed    " + SEED.id()), outcome.err());
        assertTrue(outcome.err().contains("confirming 6/6: variant " + SAME.id()), outcome.err());

        assertEquals(6, trained.size());
        assertTrue(trained.stream().noneMatch(t -> t.endsWith("@7")), "fresh seeds, not the run's: " + trained);
        assertTrue(trained.stream().allMatch(t -> t.contains("@" + BUDGET.key() + "@")), trained.toString());
        RunState state = RunState.load(run.state(), JSON);
        assertEquals(SAME.id(), state.confirmed().variant());
        assertEquals(SEED.id(), state.confirmed().seed());
        assertEquals(3, state.confirmed().repeat());
        assertFalse(state.confirmed().significant());
        assertEquals(BETTER.id(), state.members().getFirst().variant(), "the rest of run.json is kept");
        assertEquals(6, Ledger.read(run.ledger()).stream().filter(e -> e.type() == EventType.CONFIRMATION).count());
        assertTrue(run.log().toFile().isFile(), "its progress goes to run.log too");
    }

    @Test
    void aNamedVariantWithARealGainIsSignificantAndJsonSaysSo(@TempDir Path dir) throws Exception {
        RunDirectory run = run(dir);
        Cli.Outcome outcome = confirm("confirm", dir.toString(), "--variant", BETTER.id().substring(0, 6), "--json");
        assertEquals(0, outcome.status(), outcome.err() + outcome.out());
        JsonNode json = JSON.readTree(outcome.out());
        assertEquals(BETTER.id(), json.path("variant").asText());
        assertTrue(json.path("confirmed").asBoolean());
        assertTrue(json.path("significant").asBoolean());
        assertEquals("significant", json.path("verdict").asText());
        assertTrue(json.path("perplexity").path("high").asDouble() < 0, json.toString());
        assertTrue(json.path("perplexity").path("low").asDouble() < Math.expm1(-0.1)
                && Math.expm1(-0.1) < json.path("perplexity").path("high").asDouble(), json.toString());
        assertEquals(0.95, json.path("perplexity").path("level").asDouble());
        assertEquals(6, json.path("evaluations").size());
        assertEquals("seed", json.path("evaluations").get(0).path("side").asText());
        assertEquals("variant", json.path("evaluations").get(1).path("side").asText());
        assertTrue(RunState.load(run.state(), JSON).confirmed().significant());

        trained.clear();
        Cli.Outcome more = confirm("confirm", dir.toString(), "--variant", BETTER.id(), "--repeat", "4");
        assertEquals(0, more.status(), more.err());
        assertTrue(more.out().contains("(95%, 4 + 4 evaluations)"), more.out());
        assertEquals(2, trained.size(), "the first three pairs come from the result cache: " + trained);
        assertEquals(8, Ledger.read(run.ledger()).stream().filter(e -> e.type() == EventType.CONFIRMATION).count());
    }

    @Test
    void theBudgetIsTheOneInForceAtTheEnd(@TempDir Path dir) throws Exception {
        RunDirectory run = run(dir);
        RequestBook book = new RequestBook(run.requests(), JSON, Clock.systemUTC());
        book.file("g1-s0", 1, "agent-1", new UpgradeRequest(RequestKind.BUDGET, "more time", "", "60"));
        book.decide("r1", RequestStatus.APPROVED, "ada", "", "60");
        book.applied("r1", true, 2, "budget 30 s → 60 s");
        Ledger ledger = new Ledger(run.ledger(), Clock.systemUTC());
        evaluation(ledger, SEED, Budget.seconds(60), 2.45);
        evaluation(ledger, BETTER, Budget.seconds(60), 2.30);
        Cli.Outcome outcome = confirm("confirm", dir.toString());
        assertEquals(0, outcome.status(), outcome.err() + outcome.out());
        assertTrue(outcome.out().contains("variant  " + BETTER.id()), "the best at 60 s: " + outcome.out());
        assertTrue(trained.stream().allMatch(t -> t.contains("@seconds-60.0@")), trained.toString());
        assertEquals("seconds-60.0", RunState.load(run.state(), JSON).confirmed().budget());
    }

    @Test
    void aVariantThatFailsIsNotConfirmedAndRunJsonIsLeftAlone(@TempDir Path dir) throws Exception {
        RunDirectory run = run(dir);
        failing.put(SAME.id(), EvaluationStatus.DIVERGED);
        Cli.Outcome outcome = confirm("confirm", dir.toString());
        assertEquals(1, outcome.status(), outcome.err() + outcome.out());
        assertTrue(outcome.out().contains("the gain cannot be confirmed: the seed worked in 2 of 2 evaluations, the variant"
                + " worked in 0 of 2 evaluations (DIVERGED: the loss went to NaN at step 12)"), outcome.out());
        assertEquals(null, RunState.load(run.state(), JSON).confirmed());
    }

    @Test
    void theSeedAsTheBestLeavesNothingToConfirm(@TempDir Path dir) throws Exception {
        run(dir);
        Ledger ledger = new Ledger(new RunDirectory(dir).ledger(), Clock.systemUTC());
        ledger.append(new Replicated(SEED.id(), BUDGET.key(), 8, 1, "OK", "",
                new Metrics(1.0, Math.E, 0.03, 1, 1, 1, 1, 1, 1, 1, 1, "cpu")));
        Cli.Outcome outcome = confirm("confirm", dir.toString());
        assertEquals(0, outcome.status(), outcome.err());
        assertTrue(outcome.out().contains("is the seed itself (" + SEED.id() + "): there is no gain to confirm"), outcome.out());
        assertTrue(trained.isEmpty());
    }

    @Test
    void mistakesAreOneLineErrors(@TempDir Path dir) throws Exception {
        Cli.Outcome none = confirm("confirm", dir.resolve("nowhere").toString());
        assertEquals(2, none.status());
        assertTrue(none.err().contains("is not a run"), none.err());

        run(dir);
        Cli.Outcome unknown = confirm("confirm", dir.toString(), "--variant", "zzz");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("darwin: no variant 'zzz' in "), unknown.err());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());

        Cli.Outcome seed = confirm("confirm", dir.toString(), "--variant", SEED.id());
        assertEquals(2, seed.status());
        assertTrue(seed.err().contains("is the run's seed"), seed.err());

        Cli.Outcome once = confirm("confirm", dir.toString(), "--repeat", "1");
        assertEquals(2, once.status());
        assertTrue(once.err().contains("--repeat 1: an interval needs at least 2 evaluations of each"), once.err());
        assertTrue(trained.isEmpty(), "nothing was evaluated: " + trained);
    }
}
