package darwin.mutation.llm;

import darwin.mutation.llm.Completion.Failed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks an LLM endpoint: whether it answers, takes the key and offers the model. Used before a
 * run's first evaluation (so that a wrong address, key or model stops the run within seconds, not
 * after a night of failed proposals) and by the {@link CircuitBreaker} during an outage.
 *
 * <p>How ({@link #check}): the endpoint's model listing first ({@link ModelListing}: no tokens,
 * milliseconds). When it names the model, the endpoint answers. When it does not (an alias, or a
 * compatible server that lists other names) or there is no listing (404, 405, 501, a body that is
 * not a listing), a one-line completion of at most 16 tokens decides, sent through the client
 * given, which books what it costs under the agent {@value #AGENT}. {@link #reachable} asks the
 * listing alone, for the breaker's repeated checks.
 *
 * <p>Thread safety: immutable; checks may run at once.
 */
public final class EndpointProbe {

    /** The name under which checks that cost tokens are booked. */
    public static final String AGENT = "endpoint-check";

    /** How long a check waits for each of its requests by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final ProviderSettings settings;
    private final Optional<String> apiKey;
    private final LlmClient oneRequest;
    private final Duration timeout;

    /**
     * @param settings the provider, model and address
     * @param apiKey the key, where the provider takes one
     * @param oneRequest sends the one-line completion: one request, no retries, no cache
     * @param timeout how long each request of a check may take
     */
    public EndpointProbe(ProviderSettings settings, Optional<String> apiKey, LlmClient oneRequest, Duration timeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.oneRequest = Objects.requireNonNull(oneRequest, "oneRequest");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a check needs a positive timeout, got " + timeout);
        }
    }

    /** Whether the endpoint answers, takes the key and offers the model, as the class says; never throws. */
    public EndpointStatus check() {
        List<String> names;
        try {
            names = ModelListing.names(settings, apiKey, timeout);
        } catch (RuntimeException e) {
            return unlisted(e);
        }
        if (ModelListing.offers(names, settings.model())) {
            return new EndpointStatus.Answering("lists the model " + settings.model());
        }
        return complete("its model listing does not name " + settings.model() + " (it names " + sample(names) + ")");
    }

    /**
     * Whether the endpoint answers at all, by its model listing alone: it costs no tokens however
     * often it is asked (the {@link CircuitBreaker} asks it with backoff through an outage). Any
     * answer but a server error counts, a refused key or a missing listing included; never throws.
     */
    public EndpointStatus reachable() {
        try {
            ModelListing.names(settings, apiKey, timeout);
            return new EndpointStatus.Answering("lists its models");
        } catch (RuntimeException e) {
            Failed failed = ProviderErrors.classify(e, Instant.now());
            return switch (failed.kind()) {
                case CONNECTION, TIMEOUT, NOT_JSON -> new EndpointStatus.Down(failed.message());
                case SERVER_ERROR -> ProviderErrors.statusCode(e).orElse(0) == 501 ? new EndpointStatus.Answering("answers (it has no model listing)")
                        : new EndpointStatus.Down(failed.message());
                case INTERRUPTED -> {
                    Thread.currentThread().interrupt();
                    yield new EndpointStatus.Down("interrupted while checking");
                }
                default -> new EndpointStatus.Answering("answers (" + failed.message() + ")");
            };
        }
    }

    private EndpointStatus unlisted(RuntimeException error) {
        Failed failed = ProviderErrors.classify(error, Instant.now());
        int status = ProviderErrors.statusCode(error).orElse(0);
        return switch (failed.kind()) {
            case CONNECTION, TIMEOUT, NOT_JSON -> new EndpointStatus.Down(failed.message());
            case SERVER_ERROR -> status == 501 ? complete("it has no model listing") : new EndpointStatus.Down(failed.message());
            case AUTHENTICATION -> new EndpointStatus.Misconfigured(keyRefused(failed));
            case RATE_LIMITED -> new EndpointStatus.Answering("answers, but asks to slow down");
            case INTERRUPTED -> {
                Thread.currentThread().interrupt();
                yield new EndpointStatus.Down("interrupted while checking");
            }
            default -> complete("it has no model listing (" + failed.message() + ")");
        };
    }

    private EndpointStatus complete(String listing) {
        CompletionRequest request = new CompletionRequest(AGENT, "", "Reply with the single word: ok", settings.model(), 0,
                16, Optional.empty(), Deadline.after(timeout));
        Completion completion = oneRequest.complete(request);
        if (!(completion instanceof Failed failed)) {
            return new EndpointStatus.Answering("answered a one-line completion (" + listing + ")");
        }
        return switch (failed.kind()) {
            case TRUNCATED, CONTENT_FILTERED, RATE_LIMITED, COST_CAP ->
                    new EndpointStatus.Answering("answers (" + failed.kind().name().toLowerCase(java.util.Locale.ROOT)
                            + ": " + failed.message() + ")");
            case CONNECTION, SERVER_ERROR, NOT_JSON, TIMEOUT, INTERRUPTED -> new EndpointStatus.Down(failed.message());
            case AUTHENTICATION -> new EndpointStatus.Misconfigured(keyRefused(failed));
            case NOT_FOUND -> new EndpointStatus.Misconfigured("the model " + settings.model() + " or the endpoint was not"
                    + " found (" + failed.message() + "); " + listing + ". Check llm.model" + baseUrlAdvice());
            case BAD_REQUEST, MALFORMED_RESPONSE, UNEXPECTED -> new EndpointStatus.Misconfigured("a one-line completion of "
                    + settings.model() + " failed: " + failed.message() + "; " + listing + ". Check llm.model"
                    + baseUrlAdvice());
        };
    }

    private String keyRefused(Failed failed) {
        List<String> variables = settings.keyVariables();
        String where = variables.isEmpty() ? "the request" : "the key in " + String.join(" or ", variables);
        return "the endpoint refused " + where + " (" + failed.message() + ")";
    }

    private String baseUrlAdvice() {
        return settings.baseUrl().isPresent()
                ? " and llm.base-url (an OpenAI-compatible server's usually ends in /v1)" : "";
    }

    private static String sample(List<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        List<String> shown = names.stream().limit(8).toList();
        return String.join(", ", shown) + (names.size() > shown.size() ? " and " + (names.size() - shown.size()) + " more" : "");
    }
}
