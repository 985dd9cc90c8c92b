package darwin.mutation.llm;

import dev.langchain4j.exception.LangChain4jException;
import java.util.Optional;

/**
 * A successful HTTP status with a body that is not JSON at all, where every provider's API answers
 * with a JSON object: typically a proxy's or gateway's HTML error page sent with status 200, or an
 * empty body. Thrown by {@link HeaderKeepingHttpClient} before LangChain4j tries to read the body,
 * so that it is told apart from JSON of the wrong shape ({@link FailureKind#MALFORMED_RESPONSE})
 * and retried as {@link FailureKind#NOT_JSON}.
 */
final class NotJsonException extends LangChain4jException {

    /**
     * @param status the response's status code
     * @param contentType the response's {@code Content-Type}, if it had one
     * @param body the response's body
     */
    NotJsonException(int status, Optional<String> contentType, String body) {
        super(describe(status, contentType, body));
    }

    /**
     * A line that names the status, the content type and the start of the body.
     */
    static String describe(int status, Optional<String> contentType, String body) {
        String type = contentType.map(t -> "a " + t + " body").orElse("a body without a content type");
        return "HTTP " + status + " from the server with " + type + ", not JSON: "
                + (body.isBlank() ? "the body is empty" : ProviderErrors.snippet(body));
    }

    /** Whether a body is JSON as an API sends it: an object or an array, after any whitespace or byte-order mark. */
    static boolean looksLikeJson(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{' || c == '[') {
                return true;
            }
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return false;
            }
        }
        return false;
    }
}
