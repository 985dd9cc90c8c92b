package darwin.mutation.llm;

import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * LangChain4j's HTTP client port implemented on the JDK's {@link java.net.http.HttpClient}, for
 * two reasons: an error response throws {@link HttpStatusException}, which keeps the response's
 * headers — {@code Retry-After} above all — where LangChain4j's own JDK client keeps only the
 * status code and the body; and a successful status whose body is not JSON at all (a proxy's HTML
 * page, an empty body) throws {@link NotJsonException}, which darwin retries, where LangChain4j
 * would fail to read it as it fails on JSON of the wrong shape, which is not retried. Every
 * provider's LangChain4j model accepts it through its {@code httpClientBuilder}.
 *
 * <p>Timeouts: the connect timeout bounds opening a connection; the read timeout bounds each
 * request until its response starts. Both are fixed by darwin's settings ({@link Builder}). Plain {@code http://} URLs (local servers) are spoken to in
 * HTTP/1.1, since the JDK's attempt to upgrade a clear-text connection to HTTP/2 makes several
 * local servers (vLLM, LM Studio) drop the request's body. Streaming is not offered: darwin waits
 * for whole replies.
 */
public final class HeaderKeepingHttpClient implements HttpClient {

    private final java.net.http.HttpClient http;
    private final Duration readTimeout;

    private HeaderKeepingHttpClient(Builder builder) {
        this.http = java.net.http.HttpClient.newBuilder().connectTimeout(builder.connectTimeout).build();
        this.readTimeout = builder.readTimeout;
    }

    /** A builder of clients with these timeouts, which LangChain4j's model builders cannot change. */
    public static Builder builder(Duration connectTimeout, Duration readTimeout) {
        return new Builder(connectTimeout, readTimeout);
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new UnsupportedFeatureException("darwin's HTTP client sends JSON bodies only, not form data");
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(toJdk(request), BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new LangChain4jException("no connection within " + http.connectTimeout().orElse(null), e);
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LangChain4jException("interrupted while waiting for the server", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw new HttpStatusException(status, body, response.headers().map());
        }
        if (!NotJsonException.looksLikeJson(body)) {
            throw new NotJsonException(status, response.headers().firstValue("Content-Type"), body);
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(status)
                .headers(response.headers().map())
                .body(body)
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        listener.onError(new UnsupportedFeatureException("darwin's HTTP client does not stream"));
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        URI uri = URI.create(request.url());
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(uri).timeout(readTimeout);
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            builder.version(java.net.http.HttpClient.Version.HTTP_1_1);
        }
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        builder.method(request.method().name(),
                request.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofString(request.body()));
        return builder.build();
    }

    /**
     * Builds a {@link HeaderKeepingHttpClient} with fixed timeouts: what LangChain4j's models are given.
     *
     * <p>The timeout setters of LangChain4j's port are ignored. LangChain4j's model builders call
     * them with defaults of their own — OpenAI's writes 15 s and 60 s over whatever the builder
     * held, unless one {@code timeout} is given for both — so the only way to have the connect and
     * read timeouts of {@link ProviderSettings}, separately, with every provider, is to keep them here.
     */
    public static final class Builder implements HttpClientBuilder {

        private final Duration connectTimeout;
        private final Duration readTimeout;

        private Builder(Duration connectTimeout, Duration readTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        /** Ignored: the connect timeout is fixed when the builder is made. */
        @Override
        public Builder connectTimeout(Duration timeout) {
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        /** Ignored: the read timeout is fixed when the builder is made. */
        @Override
        public Builder readTimeout(Duration timeout) {
            return this;
        }

        @Override
        public HeaderKeepingHttpClient build() {
            return new HeaderKeepingHttpClient(this);
        }
    }
}
