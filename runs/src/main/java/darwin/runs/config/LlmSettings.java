package darwin.runs.config;

import darwin.mutation.MutationSettings;
import darwin.mutation.llm.PriceTable;
import darwin.mutation.llm.PriceTable.Price;
import darwin.mutation.llm.Provider;
import darwin.mutation.llm.ProviderSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who proposes the changes, how, and at what cost.
 *
 * @param provider the LLM provider; empty for the offline catalog
 * @param model the model's name at the provider; needed by every provider
 * @param baseUrl where the API lives; empty for the provider's own endpoint
 * @param apiKeyVariable the environment variable that holds the key; empty for the provider's default
 * @param temperature the sampling temperature
 * @param maxOutputTokens the most tokens a reply may have
 * @param timeout how long one request may wait for its reply
 * @param retries how many times a request that may pass is sent again
 * @param repairRounds how many times a failed reply goes back to the model with the problem
 * @param costCap US dollars the run may spend; empty for no cap
 * @param outageLimit how long the run waits for an endpoint that stopped answering before it stops
 * @param prices prices by model, over {@link PriceTable#examples()}
 */
public record LlmSettings(Optional<Provider> provider, Optional<String> model, Optional<URI> baseUrl,
        Optional<String> apiKeyVariable, double temperature, int maxOutputTokens, Duration timeout, int retries,
        int repairRounds, Optional<Double> costCap, Duration outageLimit, Map<String, Price> prices) {

    /** The connect timeout of requests, or {@link #timeout} when that is shorter. */
    public static final Duration CONNECT_TIMEOUT = ProviderSettings.DEFAULT_CONNECT_TIMEOUT;

    public LlmSettings {
        Settings.PROVIDER.check(provider);
        Objects.requireNonNull(model, "model").ifPresent(Settings.MODEL::check);
        Objects.requireNonNull(baseUrl, "baseUrl").ifPresent(Settings.BASE_URL::check);
        Objects.requireNonNull(apiKeyVariable, "apiKeyVariable").ifPresent(Settings.API_KEY_ENV::check);
        Settings.TEMPERATURE.check(temperature);
        Settings.MAX_OUTPUT_TOKENS.check(maxOutputTokens);
        Settings.TIMEOUT.check(timeout);
        Settings.RETRIES.check(retries);
        Settings.REPAIR_ROUNDS.check(repairRounds);
        Settings.COST_CAP.check(costCap);
        Settings.OUTAGE_LIMIT.check(outageLimit);
        prices = Map.copyOf(Settings.PRICES.check(prices));
        if (provider.isPresent() && model.isEmpty()) {
            throw ConfigException.between("llm.provider " + provider.get().id() + " needs llm.model, the model's name at"
                    + " the provider (such as gpt-4o-mini)", Settings.PROVIDER, Settings.MODEL);
        }
    }

    /** Whether the offline catalog proposes the changes, with no network. */
    public boolean offline() {
        return provider.isEmpty();
    }

    /**
     * How to reach the provider: empty when {@link #offline()}. The read timeout is {@link #timeout},
     * the connect timeout {@link #CONNECT_TIMEOUT} or less.
     */
    public Optional<ProviderSettings> providerSettings() {
        return provider.map(p -> {
            ProviderSettings settings = ProviderSettings.of(p, model.orElseThrow())
                    .withTimeouts(timeout.compareTo(CONNECT_TIMEOUT) < 0 ? timeout : CONNECT_TIMEOUT, timeout)
                    .withMaxRetries(retries)
                    .withSampling(temperature, maxOutputTokens);
            if (baseUrl.isPresent()) {
                settings = settings.withBaseUrl(baseUrl.get().toString());
            }
            if (apiKeyVariable.isPresent()) {
                settings = settings.withApiKeyVariable(apiKeyVariable.get());
            }
            return settings;
        });
    }

    /**
     * How agents ask the LLM: empty when {@link #offline()}. A call's deadline gives every attempt
     * its {@link #timeout}: (retries + 1) × timeout.
     */
    public Optional<MutationSettings> mutationSettings() {
        return provider.map(p -> new MutationSettings(model.orElseThrow(), temperature, maxOutputTokens,
                timeout.multipliedBy(retries + 1L), repairRounds, true));
    }

    /** The price table: {@link PriceTable#examples()} with {@link #prices} added or replacing entries. */
    public PriceTable priceTable() {
        PriceTable table = PriceTable.examples();
        for (Map.Entry<String, Price> price : prices.entrySet()) {
            table = table.with(price.getKey(), price.getValue());
        }
        return table;
    }

    /** The cost cap in US dollars, {@link Double#POSITIVE_INFINITY} for none, as the LLM clients take it. */
    public double costCapDollars() {
        return costCap.orElse(Double.POSITIVE_INFINITY);
    }
}
