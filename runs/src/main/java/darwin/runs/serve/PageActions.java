package darwin.runs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.text.TerminalText;
import darwin.memory.Request;
import darwin.memory.RequestStatus;
import darwin.memory.Suggestion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the page may change, and nothing more: decide a request and write a suggestion, through
 * the same code as {@code darwin requests} and {@code darwin suggest} (the {@link RunDesk}), so
 * through the run's locked files.
 *
 * <p>Decisions are idempotent: deciding a request again as it was decided (a second click, a
 * retried request, two people at once) answers 200 and changes nothing; deciding it the other way
 * is a conflict (409). An unknown request is 404, a value the run could not apply 422, a body that
 * is not the expected JSON 400.
 */
final class PageActions {

    private static final Set<RequestStatus> APPROVED = EnumSet.of(RequestStatus.APPROVED, RequestStatus.APPLIED,
            RequestStatus.FAILED);

    private final RunDesk desk;
    private final ObjectMapper json;

    PageActions(RunDesk desk, ObjectMapper json) {
        this.desk = desk;
        this.json = json;
    }

    /** Approves a request with the body's {@code value} and {@code note}. */
    ObjectNode approve(String id, JsonNode body) {
        String value = field(body, "value");
        String note = field(body, "note");
        StringWriter said = new StringWriter();
        return decide(id, APPROVED, "approved", () -> desk.approve(id, note, value,
                new PrintWriter(said, true)), said);
    }

    /** Denies a request with the body's {@code note}. */
    ObjectNode deny(String id, JsonNode body) {
        String note = field(body, "note");
        return decide(id, EnumSet.of(RequestStatus.DENIED), "denied",
                () -> desk.deny(id, note), new StringWriter());
    }

    /** Writes the body's {@code text} to the body's {@code agent}, or to every agent. */
    ObjectNode suggest(JsonNode body) {
        String agent = field(body, "agent");
        String text = field(body, "text");
        if (text.isBlank()) {
            throw new Refused(422, "a suggestion needs some text");
        }
        try {
            Suggestion written = desk.suggest(agent.isBlank() ? null : agent, text);
            return message("suggestion " + written.id() + " for " + (written.agent() == null || written.agent().isEmpty()
                    ? "every agent" : written.agent()) + " written; it reaches the agents' prompts from the next generation");
        } catch (IllegalArgumentException e) {
            throw new Refused(422, e.getMessage());
        }
    }

    private ObjectNode decide(String id, Set<RequestStatus> as, String verb, Supplier<Request> how, StringWriter said) {
        Request before = find(id).orElseThrow(() -> new Refused(404, "the run has no request " + id));
        if (!before.pending()) {
            return already(before, as, verb);
        }
        try {
            Request decided = how.get();
            String stored = said.toString().strip();
            return message((stored.isEmpty() ? "" : stored + "; ") + verb + " " + decided.id() + " (" + decided.kind() + ": "
                    + decided.title() + ")" + (verb.equals("approved") ? "; it takes effect from the next generation" : ""));
        } catch (IllegalStateException e) {
            // decided meanwhile, by a person or another page
            return already(find(id).orElseThrow(), as, verb);
        } catch (IllegalArgumentException e) {
            throw new Refused(422, e.getMessage());
        }
    }

    private java.util.Optional<Request> find(String id) {
        try {
            return desk.find(id);
        } catch (IllegalArgumentException e) {
            throw new Refused(404, e.getMessage());
        }
    }

    private ObjectNode already(Request request, Set<RequestStatus> as, String verb) {
        if (!as.contains(request.status())) {
            throw new Refused(409, "request " + request.id() + " is already " + request.status().name().toLowerCase(Locale.ROOT)
                    + " (by " + request.decision().by() + "); a decision is not changed");
        }
        return message("request " + request.id() + " was already " + verb + " (by " + request.decision().by() + ")");
    }

    private ObjectNode message(String text) {
        return json.createObjectNode().put("message", TerminalText.line(text));
    }

    /** A text field of the body: empty when absent; 400 when it is not text. */
    private static String field(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new Refused(400, "'" + name + "' must be text");
        }
        return value.asText();
    }
}
