package darwin.core;

import java.util.Objects;

/**
 * An upgrade an agent asks people for, as the agent wrote it.
 *
 * @param kind what is asked for
 * @param title one line
 * @param rationale why, with the evidence
 * @param payload what to apply: a file's content, a library's coordinates, a number of seconds, …
 */
public record UpgradeRequest(RequestKind kind, String title, String rationale, String payload) {

    public UpgradeRequest {
        Objects.requireNonNull(kind, "kind");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a request needs a title");
        }
        title = title.strip();
        rationale = rationale == null ? "" : rationale.strip();
        payload = payload == null ? "" : payload;
    }
}
