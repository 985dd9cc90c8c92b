package darwin.mutation.llm;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to reach one LLM provider: which, which model, where, with which key, how patiently, and
 * the default sampling settings of its requests.
 *
 * <p>The key itself is never part of the settings: they name the environment variable that holds
 * it, read when a client is built ({@link #apiKey(Function)}), so settings can be printed and
 * saved with a run.
 *
 * @param provider which API
 * @param model the default model name, e.g. {@code gpt-4o-mini}
 * @param baseUrl where the API lives, for a proxy or an OpenAI-compatible server such as
 *     {@code http://localhost:8000/v1}; empty for the provider's own endpoint
 * @param apiKeyVariable the name of the environment variable that holds the key; empty for the
 *     provider's default ({@link Provider#keyVariables()})
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long one request may wait for its response
 * @param maxRetries how many times a failed request that may pass is sent again
 * @param temperature the default sampling temperature, 0 to 2
 * @param maxOutputTokens the default limit on the tokens of a reply
 */
public record ProviderSettings(Provider provider, String model, Optional<URI> baseUrl, Optional<String> apiKeyVariable,
        Duration connectTimeout, Duration readTimeout, int maxRetries, double temperature, int maxOutputTokens) {

    /** The default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default read timeout: long, because a reply that rewrites a file takes minutes on a slow model. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(300);
    /** The default number of retries. */
    public static final int DEFAULT_MAX_RETRIES = 3;
    /** The default temperature (DARWIN's). */
    public static final double DEFAULT_TEMPERATURE = 0.2;
    /** The default output token limit. */
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 8192;
    /** The most retries allowed. */
    public static final int MAX_RETRIES_LIMIT = 10;

    public ProviderSettings {
        Objects.requireNonNull(provider, "provider");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("the " + provider.id() + " provider needs a model name");
        }
        model = model.strip();
        baseUrl = Objects.requireNonNullElse(baseUrl, Optional.empty());
        baseUrl.ifPresent(ProviderSettings::checkUrl);
        apiKeyVariable = Objects.requireNonNullElse(apiKeyVariable, Optional.<String>empty()).map(String::strip);
        apiKeyVariable.ifPresent(ProviderSettings::checkVariable);
        checkPositive("connect timeout", connectTimeout);
        checkPositive("read timeout", readTimeout);
        if (maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
            throw new IllegalArgumentException("retries must be between 0 and " + MAX_RETRIES_LIMIT + ", got " + maxRetries);
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("the temperature must be between 0 and 2, got " + temperature);
        }
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException("the output token limit must be at least 1, got " + maxOutputTokens);
        }
    }

    /**
     * Settings for {@code provider} (its configuration name, e.g. {@code openai}) and {@code model},
     * everything else by default.
     *
     * @throws IllegalArgumentException for an unknown provider, naming the known ones
     */
    public static ProviderSettings of(String provider, String model) {
        return of(Provider.named(provider), model);
    }

    /** Settings for {@code provider} and {@code model}, everything else by default. */
    public static ProviderSettings of(Provider provider, String model) {
        return new ProviderSettings(provider, model, Optional.empty(), Optional.empty(), DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT, DEFAULT_MAX_RETRIES, DEFAULT_TEMPERATURE, DEFAULT_MAX_OUTPUT_TOKENS);
    }

    /** The same settings with the API at {@code url}. */
    public ProviderSettings withBaseUrl(String url) {
        return new ProviderSettings(provider, model, Optional.of(URI.create(url)), apiKeyVariable, connectTimeout,
                readTimeout, maxRetries, temperature, maxOutputTokens);
    }

    /** The same settings with the key read from the environment variable {@code name}. */
    public ProviderSettings withApiKeyVariable(String name) {
        return new ProviderSettings(provider, model, baseUrl, Optional.of(name), connectTimeout, readTimeout,
                maxRetries, temperature, maxOutputTokens);
    }

    /** The same settings with other timeouts. */
    public ProviderSettings withTimeouts(Duration connect, Duration read) {
        return new ProviderSettings(provider, model, baseUrl, apiKeyVariable, connect, read, maxRetries, temperature,
                maxOutputTokens);
    }

    /** The same settings with another number of retries. */
    public ProviderSettings withMaxRetries(int retries) {
        return new ProviderSettings(provider, model, baseUrl, apiKeyVariable, connectTimeout, readTimeout, retries,
                temperature, maxOutputTokens);
    }

    /** The same settings with other sampling defaults. */
    public ProviderSettings withSampling(double temperature, int maxOutputTokens) {
        return new ProviderSettings(provider, model, baseUrl, apiKeyVariable, connectTimeout, readTimeout, maxRetries,
                temperature, maxOutputTokens);
    }

    /** A request of {@code agent} with these settings' model, temperature and token limit. */
    public CompletionRequest request(String agent, String systemMessage, String userMessage, Deadline deadline) {
        return new CompletionRequest(agent, systemMessage, userMessage, model, temperature, maxOutputTokens,
                Optional.empty(), deadline);
    }

    /**
     * The environment variables the key is read from: the configured one, else the provider's
     * defaults, in order.
     */
    public List<String> keyVariables() {
        return apiKeyVariable.map(List::of).orElse(provider.keyVariables());
    }

    /**
     * Whether a request needs a key: not for Ollama, nor for an OpenAI-compatible server at a base
     * URL of its own when no key variable is configured (local servers usually take none).
     */
    public boolean needsKey() {
        return switch (provider) {
            case OLLAMA -> false;
            case OPENAI -> baseUrl.isEmpty() || apiKeyVariable.isPresent();
            case ANTHROPIC, GEMINI -> true;
        };
    }

    /**
     * The API key, read from the first of {@link #keyVariables()} that is set in {@code environment}
     * (a function from a variable's name to its value or {@code null}, such as {@code System::getenv}).
     *
     * @return the key; empty when none is set and none is {@linkplain #needsKey() needed}
     * @throws IllegalStateException naming the variable to set when a needed key is missing; the
     *     message never holds a key
     */
    public Optional<String> apiKey(Function<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        for (String variable : keyVariables()) {
            String value = environment.apply(variable);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        if (!needsKey()) {
            return Optional.empty();
        }
        List<String> variables = keyVariables();
        String which = variables.size() == 1 ? variables.get(0)
                : variables.get(0) + " (or " + String.join(" or ", variables.subList(1, variables.size())) + ")";
        throw new IllegalStateException("the " + provider.id() + " provider needs an API key: set the environment variable "
                + which);
    }

    /**
     * Whether the server is one of the user's own, which costs nothing unless the price table names
     * its model: Ollama wherever it runs, or an OpenAI-compatible server at a base URL on the
     * loopback address. (A paid-for-nothing server elsewhere on the network needs its model in the
     * price table at {@link PriceTable.Price#FREE}.)
     */
    public boolean local() {
        if (provider == Provider.OLLAMA) {
            return true;
        }
        return baseUrl.map(URI::getHost).map(ProviderSettings::loopback).orElse(false);
    }

    /** A short description for logs: provider, model and where, never a key. */
    public String describe() {
        return provider.id() + " " + model + baseUrl.map(url -> " at " + url).orElse("");
    }

    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|\\[?[0-9a-f:]+]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void checkUrl(URI url) {
        String scheme = url.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || url.getHost() == null) {
            throw new IllegalArgumentException("a base URL must be an http or https URL with a host, got '" + url + "'");
        }
    }

    private static void checkVariable(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("the API key variable must be the NAME of an environment variable, such as "
                    + "OPENAI_API_KEY (letters, digits and underscores)");
        }
    }

    private static void checkPositive(String what, Duration duration) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the " + what + " must be positive, got " + duration);
        }
    }
}
