package darwin.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The checkpoint of a run, {@code run.json}: its configuration, the last generation it completed,
 * and who owns which variant. Rewritten atomically at the end of every generation, so that a run
 * killed at any instant resumes from the last completed generation; the work of the generation in
 * progress is found again in the caches (evaluations, LLM replies) and the ledger.
 *
 * @param id the run's id
 * @param created when the run started
 * @param settings the run's configuration, as JSON
 * @param generation the last completed generation (0 before the first)
 * @param members who owns what after that generation
 * @param seedVariant the id of the seed variant
 * @param noiseFloor the seed's spread, once measured; {@code null} before
 * @param confirmed the confirmed headline, once measured; {@code null} before
 */
@JsonPropertyOrder({"id", "created", "generation", "seedVariant", "members", "noiseFloor", "confirmed", "settings"})
public record RunState(String id, Instant created, JsonNode settings, int generation, List<Member> members, String seedVariant,
        @JsonInclude(JsonInclude.Include.NON_NULL) NoiseFloor noiseFloor,
        @JsonInclude(JsonInclude.Include.NON_NULL) ConfirmedGain confirmed) {

    /** Version of the file format. */
    public static final int SCHEMA = 1;

    public RunState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(seedVariant, "seedVariant");
        if (generation < 0) {
            throw new IllegalArgumentException("generations count from 0");
        }
        members = List.copyOf(members);
    }

    /** A state with no noise floor and no confirmed headline yet. */
    public RunState(String id, Instant created, JsonNode settings, int generation, List<Member> members, String seedVariant) {
        this(id, created, settings, generation, members, seedVariant, null, null);
    }

    /**
     * An agent and the variant it owns.
     *
     * @param agent the agent's id
     * @param variant the id of the variant it owns
     */
    public record Member(String agent, String variant) {
        public Member {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(variant, "variant");
        }
    }

    /** This state after another completed generation. */
    public RunState next(List<Member> survivors) {
        return new RunState(id, created, settings, generation + 1, survivors, seedVariant, noiseFloor, confirmed);
    }

    /** This state with the noise floor measured. */
    public RunState withNoiseFloor(NoiseFloor floor) {
        return new RunState(id, created, settings, generation, members, seedVariant, floor, confirmed);
    }

    /** This state with a confirmed headline. */
    public RunState withConfirmed(ConfirmedGain gain) {
        return new RunState(id, created, settings, generation, members, seedVariant, noiseFloor, gain);
    }

    /** This state with other settings. */
    public RunState withSettings(JsonNode other) {
        return new RunState(id, created, other, generation, members, seedVariant, noiseFloor, confirmed);
    }

    /** Writes the checkpoint atomically. */
    public void save(Path file, ObjectMapper json) {
        JsonFiles.write(file, JsonFiles.withTimes(json), SCHEMA, this);
    }

    /** Reads a checkpoint; a damaged or foreign file is a {@link MemoryFormatException} naming it. */
    public static RunState load(Path file, ObjectMapper json) {
        return JsonFiles.read(file, JsonFiles.withTimes(json), SCHEMA, RunState.class, "a run checkpoint");
    }
}
