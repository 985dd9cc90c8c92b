package darwin.mutation.llm;

import dev.langchain4j.exception.HttpException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP error response, as LangChain4j's {@link HttpException} (status code and body) plus the
 * response's headers, which LangChain4j's own HTTP client drops. Thrown by
 * {@link HeaderKeepingHttpClient}; LangChain4j wraps it as the cause of its own exceptions
 * ({@code RateLimitException}, {@code InternalServerException}, …), where
 * darwin's error mapping finds it again.
 */
public final class HttpStatusException extends HttpException {

    private final Map<String, List<String>> headers;

    /**
     * @param statusCode the response's status code
     * @param body the response's body
     * @param headers the response's headers
     */
    public HttpStatusException(int statusCode, String body, Map<String, List<String>> headers) {
        super(statusCode, body);
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null && values != null) {
                copy.put(name, List.copyOf(values));
            }
        });
        this.headers = copy;
    }

    /** The first value of the header {@code name} (case does not matter). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
