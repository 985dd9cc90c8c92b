package darwin.runs.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import darwin.mutation.llm.PriceTable.Price;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The type of {@code llm.prices}: model name → {@code {input: USD, output: USD}} per million tokens. */
final class PriceMap implements SettingType<Map<String, Price>> {

    private static final List<String> FIELDS = List.of("input", "output");
    private static final YAMLMapper FLOW = new YAMLMapper();
    private final SettingType<Double> dollars = SettingTypes.decimal(0, 1_000_000);

    @Override
    public String allowed() {
        return "a mapping of model names to prices in USD per million tokens, such as"
                + " {gpt-4o-mini: {input: 0.15, output: 0.6}}";
    }

    /**
     * Prices as one line of text: a YAML flow mapping, as {@link #render} writes them into
     * {@code run.json} (and as a flag could give them), read as the mapping of a settings file is.
     */
    @Override
    public Map<String, Price> parse(String text) {
        SettingTypes.notInterpolated(text);
        JsonNode tree;
        try {
            tree = FLOW.readTree(text);
        } catch (JsonProcessingException e) {
            throw SettingTypes.refused(text, allowed());
        }
        if (tree == null || !tree.isObject()) {
            throw SettingTypes.refused(text, allowed());
        }
        return read(tree);
    }

    @Override
    public Map<String, Price> read(JsonNode tree) {
        if (!tree.isObject()) {
            throw new IllegalArgumentException("a YAML list is not " + allowed());
        }
        Map<String, Price> prices = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : tree.properties()) {
            prices.put(entry.getKey(), price(entry.getKey(), entry.getValue()));
        }
        check(prices);
        return Collections.unmodifiableMap(prices);
    }

    private Price price(String model, JsonNode price) {
        if (!price.isObject()) {
            throw new IllegalArgumentException("the price of " + model + " must be a mapping {input: USD, output: USD}"
                    + " per million tokens, not '" + price.asText() + "'");
        }
        for (Map.Entry<String, JsonNode> field : price.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                throw new IllegalArgumentException("the price of " + model + " has an unknown field '" + field.getKey() + "'"
                        + Spelling.closest(field.getKey(), FIELDS).map(f -> "; did you mean '" + f + "'?")
                                .orElse("; the fields are input and output"));
            }
        }
        double[] values = new double[FIELDS.size()];
        for (int i = 0; i < values.length; i++) {
            String field = FIELDS.get(i);
            JsonNode value = price.get(field);
            if (value == null || value.isNull() || !value.isValueNode()) {
                throw new IllegalArgumentException("the price of " + model + " needs " + field + " (USD per million tokens)");
            }
            try {
                values[i] = dollars.parse(value.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the " + field + " price of " + model + ": " + e.getMessage(), e);
            }
        }
        return new Price(values[0], values[1]);
    }

    @Override
    public void check(Map<String, Price> value) {
        value.forEach((model, price) -> {
            if (model == null || model.isBlank() || model.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("'" + model + "' is not a model name without spaces");
            }
            Objects.requireNonNull(price, model);
        });
    }

    @Override
    public String render(Map<String, Price> value) {
        return value.entrySet().stream()
                .map(e -> "\"" + e.getKey().replace("\\", "\\\\").replace("\"", "\\\"") + "\": {input: "
                        + SettingTypes.plain(e.getValue().inputPerMillion()) + ", output: "
                        + SettingTypes.plain(e.getValue().outputPerMillion()) + "}")
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
