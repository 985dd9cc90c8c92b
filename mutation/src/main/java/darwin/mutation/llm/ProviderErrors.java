package darwin.mutation.llm;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.mutation.llm.Completion.Failed;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an exception out of a LangChain4j call means, as a {@link Failed} of one attempt.
 *
 * <p>LangChain4j maps an HTTP error to an exception of its own ({@code RateLimitException},
 * {@code AuthenticationException}, …) whose cause is the HTTP client's {@link HttpException}; the
 * status code is read from that cause, so that the mapping here holds whatever wrapping a
 * provider's module adds. The {@code Retry-After} header is only there when the cause is a
 * {@link HttpStatusException}, i.e. when the request went through {@link HeaderKeepingHttpClient}.
 *
 * <p>Bodies: an error status whose body is not JSON (a gateway's HTML page) is classified by its
 * status, with a message that names the content type and quotes the body's start; a successful
 * status with such a body ({@link NotJsonException}) is {@link FailureKind#NOT_JSON}, retried;
 * JSON that LangChain4j cannot read as the API's reply is {@link FailureKind#MALFORMED_RESPONSE},
 * not retried. A refusal in the API's refusal field is {@link FailureKind#CONTENT_FILTERED}.
 */
final class ProviderErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SNIPPET = 240;

    private ProviderErrors() {
    }

    /** The failure {@code error} stands for, of one request; {@code now} dates a {@code Retry-After}. */
    static Failed classify(Throwable error, Instant now) {
        List<Throwable> chain = chain(error);
        Optional<HttpException> http = find(chain, HttpException.class);
        if (http.isPresent()) {
            return ofStatus(http.get(), now);
        }
        Optional<ContentFilteredException> refusal = find(chain, ContentFilteredException.class);
        if (refusal.isPresent()) {
            return refusal(refusal.get().getMessage());
        }
        Optional<NotJsonException> notJson = find(chain, NotJsonException.class);
        if (notJson.isPresent()) {
            return attempt(FailureKind.NOT_JSON, notJson.get().getMessage());
        }
        if (find(chain, InterruptedException.class).isPresent()) {
            return attempt(FailureKind.INTERRUPTED, "interrupted while waiting for the server");
        }
        if (find(chain, HttpConnectTimeoutException.class).isPresent()) {
            return attempt(FailureKind.CONNECTION, "no connection within the connect timeout");
        }
        if (find(chain, dev.langchain4j.exception.TimeoutException.class).isPresent()
                || find(chain, HttpTimeoutException.class).isPresent()) {
            return attempt(FailureKind.TIMEOUT, "no response within the read timeout");
        }
        for (Class<? extends Throwable> refused : List.of(ConnectException.class, UnknownHostException.class,
                NoRouteToHostException.class, UnresolvedAddressException.class, UnresolvedModelServerException.class)) {
            Optional<? extends Throwable> found = find(chain, refused);
            if (found.isPresent()) {
                return attempt(FailureKind.CONNECTION, "cannot reach the server: " + describe(found.get()));
            }
        }
        Optional<JacksonException> json = find(chain, JacksonException.class);
        if (json.isPresent()) {
            return attempt(FailureKind.MALFORMED_RESPONSE,
                    "the server's reply is not the JSON its API promises: " + json.get().getOriginalMessage());
        }
        Optional<IOException> io = find(chain, IOException.class);
        if (io.isPresent()) {
            return attempt(FailureKind.CONNECTION, "the connection failed: " + describe(io.get()));
        }
        if (error instanceof InternalServerException) {
            return attempt(FailureKind.MALFORMED_RESPONSE, "the server's reply lacks what its API promises: "
                    + error.getMessage());
        }
        if (find(chain, UnsupportedFeatureException.class).isPresent() || error instanceof IllegalArgumentException) {
            return attempt(FailureKind.BAD_REQUEST, "the request could not be built: " + error.getMessage());
        }
        return attempt(FailureKind.UNEXPECTED, describe(error));
    }

    private static Failed ofStatus(HttpException http, Instant now) {
        int status = http.statusCode();
        FailureKind kind;
        if (status == 401 || status == 403) {
            kind = FailureKind.AUTHENTICATION;
        } else if (status == 404) {
            kind = FailureKind.NOT_FOUND;
        } else if (status == 408) {
            kind = FailureKind.TIMEOUT;
        } else if (status == 429) {
            kind = FailureKind.RATE_LIMITED;
        } else if (status >= 500) {
            kind = FailureKind.SERVER_ERROR;
        } else if (status >= 400) {
            kind = FailureKind.BAD_REQUEST;
        } else {
            kind = FailureKind.MALFORMED_RESPONSE;
        }
        Optional<Duration> retryAfter = http instanceof HttpStatusException withHeaders
                ? withHeaders.header("Retry-After").flatMap(value -> RetryAfter.parse(value, now))
                : Optional.empty();
        String body = http.getMessage() == null ? "" : http.getMessage();
        String message;
        if (!body.isBlank() && !NotJsonException.looksLikeJson(body)) {
            Optional<String> type = http instanceof HttpStatusException withHeaders ? withHeaders.header("Content-Type")
                    : Optional.empty();
            message = NotJsonException.describe(status, type, body);
        } else {
            message = "HTTP " + status + " from the server" + errorText(body).map(t -> ": " + t).orElse("");
        }
        return Failed.ofAttempt(kind, message, retryAfter);
    }

    /**
     * A refusal in the API's own field, which LangChain4j raises as a {@link ContentFilteredException}
     * whose message is the refusal: the text goes into the message, on one line, and the partial text.
     * The reply's tokens are lost with the response LangChain4j dropped.
     */
    static Failed refusal(String text) {
        String refusal = text == null ? "" : text.strip();
        String message = refusal.isEmpty() ? "the model refused to answer" : "the model refused: " + refusal;
        return new Failed(FailureKind.CONTENT_FILTERED, message, refusal, Optional.empty(), Usage.NONE, 0, 1);
    }

    /** The error's own message when the body is the usual {@code {"error": {"message": …}}}, else the body's start. */
    private static Optional<String> errorText(String body) {
        if (body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode error = root.path("error");
            JsonNode message = error.isTextual() ? error : error.path("message");
            if (message.isTextual() && !message.asText().isBlank()) {
                return Optional.of(snippet(message.asText()));
            }
        } catch (JacksonException e) {
            // not JSON: the body's start says it
        }
        return Optional.of(snippet(body));
    }

    /** The start of a text on one line, whitespace collapsed, at most a few hundred characters. */
    static String snippet(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > SNIPPET ? line.substring(0, SNIPPET) + "..." : line;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + snippet(message));
    }

    private static Failed attempt(FailureKind kind, String message) {
        return Failed.ofAttempt(kind, message, Optional.empty());
    }

    /** The HTTP status of the response {@code error} stands for, if it stands for one. */
    static OptionalInt statusCode(Throwable error) {
        return find(chain(error), HttpException.class).map(http -> OptionalInt.of(http.statusCode()))
                .orElse(OptionalInt.empty());
    }

    private static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && chain.size() < 32 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static <T extends Throwable> Optional<T> find(List<Throwable> chain, Class<T> type) {
        return chain.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
