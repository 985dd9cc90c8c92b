package darwin.memory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import darwin.core.RequestKind;
import darwin.core.UpgradeRequest;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * An upgrade request as the run keeps it in {@code requests.json}: what the agent asked, and
 * what people and the run did about it.
 *
 * @param id {@code r1}, {@code r2}, … in the order asked
 * @param proposal the key of the proposal that carried it ({@code g3-s1})
 * @param generation the generation it was asked in
 * @param agent the agent that asked
 * @param kind what is asked for
 * @param title one line
 * @param rationale the agent's why
 * @param payload what the agent proposed to apply
 * @param status where it stands
 * @param created when it was asked
 * @param decision who decided, when, the note and the value given; {@code null} while pending
 * @param applied when it took effect or failed to; {@code null} before
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Request(String id, String proposal, int generation, String agent, RequestKind kind, String title,
        String rationale, String payload, RequestStatus status, Instant created, Decision decision, Application applied) {

    public Request {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
        proposal = Objects.requireNonNullElse(proposal, "");
        title = Objects.requireNonNullElse(title, "");
        rationale = Objects.requireNonNullElse(rationale, "");
        payload = Objects.requireNonNullElse(payload, "");
        if (status != RequestStatus.PENDING && decision == null) {
            throw new IllegalArgumentException("request " + id + " is " + status + " but has no decision");
        }
    }

    /** A new pending request. */
    public static Request asked(String id, String proposal, int generation, String agent, UpgradeRequest request,
            Instant now) {
        return new Request(id, proposal, generation, agent, request.kind(), request.title(), request.rationale(),
                request.payload(), RequestStatus.PENDING, now, null, null);
    }

    /** This request, decided. */
    public Request decided(RequestStatus outcome, Decision how) {
        if (outcome != RequestStatus.APPROVED && outcome != RequestStatus.DENIED) {
            throw new IllegalArgumentException("a person approves or denies; " + outcome + " is not a decision");
        }
        if (status != RequestStatus.PENDING) {
            throw new IllegalStateException("request " + id + " is already " + status.name().toLowerCase(Locale.ROOT)
                    + (decision == null ? "" : " (by " + decision.by() + " at " + decision.at() + ")"));
        }
        return new Request(id, proposal, generation, agent, kind, title, rationale, payload, outcome, created,
                Objects.requireNonNull(how, "decision"), null);
    }

    /** This approved request, applied (or failed to apply). */
    public Request applied(boolean success, Application how) {
        if (status != RequestStatus.APPROVED) {
            throw new IllegalStateException("request " + id + " is " + status + "; only an approved request is applied");
        }
        return new Request(id, proposal, generation, agent, kind, title, rationale, payload,
                success ? RequestStatus.APPLIED : RequestStatus.FAILED, created, decision, Objects.requireNonNull(how));
    }

    /** Whether it waits for people. */
    public boolean pending() {
        return status == RequestStatus.PENDING;
    }

    /** The value to apply: the person's, if they gave one, else the agent's payload. */
    public String value() {
        return decision != null && !decision.value().isEmpty() ? decision.value() : payload;
    }

    /**
     * A person's decision.
     *
     * @param by who decided
     * @param at when
     * @param note why, for the agent ({@code ""} when none)
     * @param value what the person supplied with it ({@code ""} when none): a file, coordinates, a number
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(String by, Instant at, String note, String value) {
        public Decision {
            by = by == null || by.isBlank() ? "unknown" : by.strip();
            Objects.requireNonNull(at, "at");
            note = Objects.requireNonNullElse(note, "").strip();
            value = Objects.requireNonNullElse(value, "").strip();
        }
    }

    /**
     * How an approved request took effect.
     *
     * @param generation the first generation it is in force for
     * @param at when
     * @param note what was done, or why it could not be
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Application(int generation, Instant at, String note) {
        public Application {
            Objects.requireNonNull(at, "at");
            note = Objects.requireNonNullElse(note, "");
        }
    }
}
