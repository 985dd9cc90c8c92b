package darwin.mutation.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import darwin.mutation.llm.Completion.Failed;
import darwin.mutation.llm.Completion.Replied;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CostLedgerTest {

    @Test
    void callsAreSummedPerAgentAndPerRun() {
        CostLedger ledger = new CostLedger();
        ledger.record("a", new Replied("x", new Usage(100, 50), 0.25, FinishReason.STOP, 1));
        ledger.record("b", new Failed(FailureKind.TRUNCATED, "cut", "x", Optional.empty(), new Usage(10, 5), 0.5, 1));
        ledger.record("a", new Replied("y", new Usage(1, 1), 0.25, FinishReason.STOP, 2));

        assertEquals(1.0, ledger.spent(), 1e-12);
        assertEquals(new CostLedger.Totals(3, new Usage(111, 56), 1.0), ledger.run());
        assertEquals(new CostLedger.Totals(2, new Usage(101, 51), 0.5), ledger.agent("a"));
        assertEquals(CostLedger.Totals.NONE, ledger.agent("nobody"));
        assertEquals(2, ledger.byAgent().size());
    }

    @Test
    void concurrentBookingsAreAllCounted() throws InterruptedException {
        CostLedger ledger = new CostLedger();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 1000; i++) {
                String agent = "agent-" + (i % 4);
                pool.execute(() -> ledger.record(agent, new Replied("", new Usage(1, 1), 0.001, FinishReason.STOP, 1)));
            }
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        assertEquals(1000, ledger.run().calls());
        assertEquals(250, ledger.agent("agent-3").calls());
        assertEquals(1.0, ledger.spent(), 1e-9);
    }
}
