package darwin.mutation.llm;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What tokens cost, in US dollars per million, by model name.
 *
 * <p>A model is priced by its own entry, else by the longest entry it extends with a dash — so
 * {@code gpt-4o-mini} prices {@code gpt-4o-mini-2024-07-18}, and {@code claude-sonnet-4} prices
 * {@code claude-sonnet-4-20250514}. A model without an entry costs nothing on a
 * {@linkplain ProviderSettings#local() local server}, and {@link #unknownModel()} elsewhere, so that a
 * cost cap still holds for a paid model someone forgot to price.
 *
 * @param models prices by model name (or name prefix)
 * @param unknownModel the price of a model without an entry on a paid server
 */
public record PriceTable(Map<String, Price> models, Price unknownModel) {

    /**
     * USD per million tokens.
     *
     * @param inputPerMillion the price of a million prompt tokens
     * @param outputPerMillion the price of a million reply tokens
     */
    public record Price(double inputPerMillion, double outputPerMillion) {

        /** Free: local servers. */
        public static final Price FREE = new Price(0, 0);

        public Price {
            if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0) || Double.isInfinite(inputPerMillion)
                    || Double.isInfinite(outputPerMillion)) {
                throw new IllegalArgumentException("prices must be finite and not negative, got " + inputPerMillion
                        + " and " + outputPerMillion + " per million tokens");
            }
        }

        /** What {@code usage} costs at this price, in US dollars. */
        public double cost(Usage usage) {
            return (usage.inputTokens() * inputPerMillion + usage.outputTokens() * outputPerMillion) / 1_000_000.0;
        }
    }

    public PriceTable {
        Objects.requireNonNull(unknownModel, "unknownModel");
        models.forEach((name, price) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a price needs a model name");
            }
            Objects.requireNonNull(price, name);
        });
        models = Map.copyOf(models);
    }

    /**
     * A table of list prices of a few hosted models, <em>as examples only</em>: they were the
     * vendors' published prices per million tokens in 2025 and change without notice. Configure
     * the prices of the models a run uses before relying on a cost cap. A model not listed is
     * priced at the dearest example (3 USD in, 15 USD out), so that a cap errs towards stopping early.
     *
     * <table>
     *   <caption>Example prices, USD per million tokens</caption>
     *   <tr><th>model</th><th>input</th><th>output</th></tr>
     *   <tr><td>gpt-4o-mini</td><td>0.15</td><td>0.60</td></tr>
     *   <tr><td>gpt-4o</td><td>2.50</td><td>10.00</td></tr>
     *   <tr><td>gpt-4.1-mini</td><td>0.40</td><td>1.60</td></tr>
     *   <tr><td>gpt-4.1</td><td>2.00</td><td>8.00</td></tr>
     *   <tr><td>claude-3-5-haiku</td><td>0.80</td><td>4.00</td></tr>
     *   <tr><td>claude-sonnet-4</td><td>3.00</td><td>15.00</td></tr>
     *   <tr><td>gemini-2.5-flash</td><td>0.30</td><td>2.50</td></tr>
     *   <tr><td>gemini-2.5-pro</td><td>1.25</td><td>10.00</td></tr>
     * </table>
     */
    public static PriceTable examples() {
        return new PriceTable(Map.of(
                "gpt-4o-mini", new Price(0.15, 0.60),
                "gpt-4o", new Price(2.50, 10.00),
                "gpt-4.1-mini", new Price(0.40, 1.60),
                "gpt-4.1", new Price(2.00, 8.00),
                "claude-3-5-haiku", new Price(0.80, 4.00),
                "claude-sonnet-4", new Price(3.00, 15.00),
                "gemini-2.5-flash", new Price(0.30, 2.50),
                "gemini-2.5-pro", new Price(1.25, 10.00)),
                new Price(3.00, 15.00));
    }

    /** A table with no entries that prices every model at {@code price}. */
    public static PriceTable flat(Price price) {
        return new PriceTable(Map.of(), price);
    }

    /** The same table with {@code model} at {@code price}. */
    public PriceTable with(String model, Price price) {
        Map<String, Price> copy = new TreeMap<>(models);
        copy.put(model, price);
        return new PriceTable(copy, unknownModel);
    }

    /** The entry that prices {@code model}: its own, else the longest that it extends with a dash. */
    public Optional<Price> entry(String model) {
        Price exact = models.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        return models.entrySet().stream()
                .filter(e -> model.startsWith(e.getKey() + "-"))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue);
    }

    /** The price of {@code model}: its entry; else free on a local server, {@link #unknownModel()} elsewhere. */
    public Price price(String model, boolean localServer) {
        return entry(model).orElse(localServer ? Price.FREE : unknownModel);
    }
}
