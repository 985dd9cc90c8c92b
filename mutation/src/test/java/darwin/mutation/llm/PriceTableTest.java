package darwin.mutation.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import darwin.mutation.llm.PriceTable.Price;
import org.junit.jupiter.api.Test;

class PriceTableTest {

    private final PriceTable table = PriceTable.examples();

    @Test
    void datedVersionsArePricedByTheirModel() {
        assertEquals(new Price(0.15, 0.60), table.price("gpt-4o-mini-2024-07-18", false));
        assertEquals(new Price(2.50, 10.00), table.price("gpt-4o-2024-08-06", false));
        assertEquals(new Price(3.00, 15.00), table.price("claude-sonnet-4-20250514", false));
    }

    @Test
    void unknownModelsAreFreeOnlyOnLocalServers() {
        assertEquals(Price.FREE, table.price("qwen2.5-coder:7b", true));
        assertEquals(table.unknownModel(), table.price("some-new-model", false));
        assertEquals(new Price(0.15, 0.60), table.price("gpt-4o-mini", true), "an entry wins, also locally");
    }

    @Test
    void aPriceCostsTokens() {
        assertEquals(0.0006 + 0.0012, new Price(0.15, 0.60).cost(new Usage(4000, 2000)), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new Price(-1, 0));
    }
}
