package darwin.mutation.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Assembles the client of one provider, decorators in their one order, from the outside in:
 * {@link CachedClient} → {@link CostCappedClient} → {@link CircuitBreaker} (when asked for) →
 * {@link RetryingClient} → {@link ProviderClient}.
 *
 * <p>Why this order: a cached reply costs nothing, so it is served even past the cost cap and never
 * booked; the cap is checked once per call, before any attempt, and the ledger books a whole call
 * (all its attempts) at once; the circuit breaker sees a call after its retries, so one failed call
 * is one failure to it, and holds it through an outage inside the cap's booking; retries wrap
 * single requests, each bounded by the call's deadline.
 *
 * <pre>{@code
 * LlmClient client = LlmClients.builder(ProviderSettings.of("openai", "gpt-4o-mini"))
 *         .environment(System::getenv)
 *         .prices(PriceTable.examples())
 *         .ledger(runLedger).costCap(5.00)
 *         .cache(ReplyCache.open(run.resolve("llm-replies.jsonl")))
 *         .random(new SplittableRandom(seed))
 *         .build();
 * }</pre>
 */
public final class LlmClients {

    private LlmClients() {
    }

    /** A builder for a client of the provider in {@code settings}. */
    public static Builder builder(ProviderSettings settings) {
        return new Builder(settings);
    }

    /** Collects the parts of a client; each has a default but the settings. */
    public static final class Builder {

        private final ProviderSettings settings;
        private Function<String, String> environment = System::getenv;
        private PriceTable prices = PriceTable.examples();
        private CostLedger ledger = new CostLedger();
        private double costCap = Double.POSITIVE_INFINITY;
        private Optional<ReplyCache> cache = Optional.empty();
        private Backoff backoff = Backoff.DEFAULT;
        private RandomGenerator random = new SplittableRandom(0);
        private Optional<Duration> outageLimit = Optional.empty();
        private OutageListener outages = OutageListener.NONE;
        private Backoff checks = CircuitBreaker.CHECKS;

        private Builder(ProviderSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Where keys are read (default: the process environment). */
        public Builder environment(Function<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** What tokens cost (default: {@link PriceTable#examples()}). */
        public Builder prices(PriceTable prices) {
            this.prices = Objects.requireNonNull(prices, "prices");
            return this;
        }

        /** The run's ledger (default: a new one). */
        public Builder ledger(CostLedger ledger) {
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            return this;
        }

        /** US dollars the run may spend (default: no cap). */
        public Builder costCap(double dollars) {
            this.costCap = dollars;
            return this;
        }

        /** Where replies are kept (default: none). */
        public Builder cache(ReplyCache cache) {
            this.cache = Optional.of(cache);
            return this;
        }

        /** The waits between attempts when the server does not say (default: {@link Backoff#DEFAULT}). */
        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** The source of the backoff's jitter (default: seeded with 0); pass the run's. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Rides out outages of the endpoint ({@link CircuitBreaker}): calls wait for it up to
         * {@code limit}, then end in {@code MutatorUnavailableException} (default: no breaker).
         */
        public Builder outages(Duration limit, OutageListener listener) {
            this.outageLimit = Optional.of(Objects.requireNonNull(limit, "limit"));
            this.outages = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The waits between checks of an endpoint that is down (default: {@link CircuitBreaker#CHECKS}). */
        public Builder checks(Backoff checks) {
            this.checks = Objects.requireNonNull(checks, "checks");
            return this;
        }

        /**
         * A check of the endpoint ({@link EndpointProbe}) whose one-line completions, when it needs
         * one, are sent once and booked in the ledger under the cost cap.
         *
         * @throws IllegalStateException when the provider needs a key and none is set, naming the variable
         */
        public EndpointProbe probe() {
            ProviderClient provider = new ProviderClient(settings, environment, prices);
            return probe(provider);
        }

        private EndpointProbe probe(ProviderClient provider) {
            return new EndpointProbe(settings, settings.apiKey(environment), new CostCappedClient(provider, ledger, costCap),
                    EndpointProbe.DEFAULT_TIMEOUT);
        }

        /**
         * The client.
         *
         * @throws IllegalStateException when the provider needs a key and none is set, naming the variable
         * @throws IllegalArgumentException for a negative cost cap
         */
        public LlmClient build() {
            ProviderClient provider = new ProviderClient(settings, environment, prices);
            LlmClient client = new RetryingClient(provider, settings.maxRetries(), backoff, random);
            if (outageLimit.isPresent()) {
                client = new CircuitBreaker(client, probe(provider)::reachable, outageLimit.get(), checks, random,
                        outages, settings.describe());
            }
            client = new CostCappedClient(client, ledger, costCap);
            if (cache.isPresent()) {
                client = new CachedClient(client, cache.get(), settings.provider());
            }
            return client;
        }
    }
}
