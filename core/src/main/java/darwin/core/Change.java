package darwin.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a mutation proposes, parsed from a reply: why, a one-line summary, what kind of change it
 * is, the edits, and optionally one upgrade request for people.
 *
 * @param reasoning the author's reasoning
 * @param summary one line
 * @param tags kinds of change: {@code optimizer}, {@code schedule}, {@code architecture},
 *     {@code initialisation}, {@code data}, {@code throughput}, {@code regularisation}, …
 * @param edits the edits, applied in order
 * @param request an upgrade request, if the author asks for one
 */
public record Change(String reasoning, String summary, List<String> tags, List<Edit> edits, Optional<UpgradeRequest> request) {

    public Change {
        reasoning = reasoning == null ? "" : reasoning.strip();
        summary = summary == null ? "" : summary.strip();
        if (summary.indexOf('\n') >= 0) {
            summary = summary.lines().findFirst().orElse("");
        }
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        edits = List.copyOf(Objects.requireNonNull(edits, "edits"));
        request = request == null ? Optional.empty() : request;
    }
}
