package darwin.population.confirm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.core.Metrics;
import darwin.memory.ledger.ConfirmationEvaluated;
import darwin.memory.ledger.Evaluated;
import darwin.memory.ledger.EventType;
import darwin.memory.ledger.LedgerEntry;
import darwin.memory.ledger.LedgerEvent;
import darwin.memory.ledger.Replicated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandingsTest {

    private static final Budget BUDGET = Budget.seconds(20);

    private final List<LedgerEntry> entries = new ArrayList<>();

    private void event(EventType type, String variant, String budget, long seed, String status, double loss, double mfu) {
        Metrics metrics = status.equals("OK")
                ? new Metrics(loss, Math.exp(loss), mfu, 1000, 30_000, 100, 800_000, 5e6, 1e11, 35, 30, "cpu") : null;
        LedgerEvent event = switch (type) {
            case EVALUATION -> new Evaluated(variant, budget, seed, 0, status, "", metrics);
            case REPLICATE -> new Replicated(variant, budget, seed, (int) seed - 1, status, "", metrics);
            case CONFIRMATION -> new ConfirmationEvaluated(variant, budget, seed, status, "", metrics);
            default -> throw new IllegalArgumentException(type + " is no evaluation");
        };
        entries.add(new LedgerEntry("e" + entries.size(), entries.size() + 1L, Instant.EPOCH, event));
    }

    @Test
    void theBestIsTheLowestMeanLossAtTheBudgetOverEvaluationsAndReplicates() {
        event(EventType.EVALUATION, "seed", BUDGET.key(), 1, "OK", 2.50, 0.030);
        event(EventType.EVALUATION, "lucky", BUDGET.key(), 1, "OK", 2.30, 0.030);
        event(EventType.EVALUATION, "steady", BUDGET.key(), 1, "OK", 2.40, 0.032);
        event(EventType.REPLICATE, "lucky", BUDGET.key(), 2, "OK", 2.60, 0.030);
        event(EventType.REPLICATE, "lucky", BUDGET.key(), 3, "OK", 2.55, 0.030);
        event(EventType.REPLICATE, "steady", BUDGET.key(), 2, "OK", 2.41, 0.034);
        event(EventType.REPLICATE, "steady", BUDGET.key(), 2, "OK", 9.99, 0.034); // the same draw logged twice
        event(EventType.EVALUATION, "broken", BUDGET.key(), 1, "RUNTIME_ERROR", 0, 0);
        event(EventType.EVALUATION, "elsewhere", Budget.seconds(40).key(), 1, "OK", 1.0, 0.03);
        event(EventType.CONFIRMATION, "confirmed", BUDGET.key(), 99, "OK", 1.5, 0.03);

        Standings standings = Standings.at(entries, BUDGET);
        assertEquals("steady", standings.best().orElseThrow().variant(), "a lucky single draw does not win on its mean");
        assertEquals(2, standings.of("steady").orElseThrow().count());
        assertEquals(Math.exp(2.405), standings.of("steady").orElseThrow().perplexity(), 1e-9);
        assertEquals(Math.sqrt(0.032 * 0.034), standings.of("steady").orElseThrow().mfu(), 1e-12);
        assertEquals(3, standings.of("lucky").orElseThrow().count());
        assertTrue(standings.of("broken").isEmpty());
        assertTrue(standings.of("elsewhere").isEmpty(), "another budget");
        assertTrue(standings.of("confirmed").isEmpty(), "confirmations are not the run's draws");
        assertEquals(List.of("seed", "lucky", "steady"), standings.all().stream().map(Standings.Measured::variant).toList());
        assertTrue(Standings.at(List.of(), BUDGET).best().isEmpty());
    }

    @Test
    void withOneDrawEachTheBestIsTheLowestPerplexityAndTiesGoToTheFirst() {
        event(EventType.EVALUATION, "a", BUDGET.key(), 1, "OK", 2.40, 0.03);
        event(EventType.EVALUATION, "b", BUDGET.key(), 1, "OK", 2.40, 0.04);
        event(EventType.EVALUATION, "c", BUDGET.key(), 1, "OK", 2.45, 0.05);
        assertEquals("a", Standings.at(entries, BUDGET).best().orElseThrow().variant());
    }
}
