package darwin.runs.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.memory.MemoryFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An upgrade an agent asked people for, as the run's {@code requests.json} keeps it. Read
 * tolerantly: fields this darwin does not know are ignored, and fields left out are empty.
 *
 * @param id the request's id, which people decide by
 * @param proposal the proposal that carried it ({@code g2-s0})
 * @param generation the generation it was made in
 * @param agent the agent that asked
 * @param kind DATASET, SCRIPT, FILE_STRUCTURE, LIBRARY or BUDGET
 * @param title one line
 * @param rationale why the agent asks
 * @param payload what exactly it asks for
 * @param status PENDING, APPROVED, APPLIED, DENIED or FAILED
 * @param created when it was made, as written
 * @param decision people's decision, or {@code null} while pending
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Request(String id, String proposal, int generation, String agent, String kind, String title,
        String rationale, String payload, String status, String created, Decision decision) {

    /** Version of {@code requests.json} this darwin reads. */
    public static final int SCHEMA = 1;

    public Request {
        id = Objects.requireNonNullElse(id, "");
        proposal = Objects.requireNonNullElse(proposal, "");
        agent = Objects.requireNonNullElse(agent, "");
        kind = Objects.requireNonNullElse(kind, "");
        title = Objects.requireNonNullElse(title, "");
        rationale = Objects.requireNonNullElse(rationale, "");
        payload = Objects.requireNonNullElse(payload, "");
        status = Objects.requireNonNullElse(status, "PENDING");
        created = Objects.requireNonNullElse(created, "");
    }

    /**
     * A decision on a request.
     *
     * @param by who decided
     * @param at when, as written
     * @param note their note
     * @param value a value they set (e.g. the budget granted), of any JSON shape, or {@code null}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(String by, String at, String note, JsonNode value) {
        public Decision {
            by = Objects.requireNonNullElse(by, "");
            at = Objects.requireNonNullElse(at, "");
            note = Objects.requireNonNullElse(note, "");
        }
    }

    /** Whether it waits for people. */
    public boolean pending() {
        return "PENDING".equals(status);
    }

    /**
     * The requests of a run's queue, oldest first as the file lists them; none when the file does
     * not exist.
     *
     * @throws MemoryFormatException naming the file when it is not a request queue this darwin reads
     */
    static List<Request> read(Path file, ObjectMapper json) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            JsonNode root = json.readTree(Files.readAllBytes(file));
            if (root == null || !root.isObject()) {
                throw new MemoryFormatException(file, 0, "is not a JSON object (is the file empty or cut off?)", null);
            }
            int schema = root.path("schema").asInt(SCHEMA);
            if (schema > SCHEMA) {
                throw new MemoryFormatException(file, 0, "has schema " + schema + ", newer than this darwin reads (" + SCHEMA
                        + "); update darwin", null);
            }
            JsonNode requests = root.path("requests");
            if (requests.isMissingNode() || requests.isNull()) {
                return List.of();
            }
            return Arrays.stream(json.treeToValue(requests, Request[].class)).filter(Objects::nonNull).toList();
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new MemoryFormatException(file, line, "is not a request queue: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MemoryFormatException(file, 0, "cannot be read: " + e.getMessage(), e);
        }
    }
}
