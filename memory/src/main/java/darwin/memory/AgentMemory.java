package darwin.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Persona;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One agent's memory file, {@code agents/<agent>.json}: its persona, its LLM settings, and every
 * attempt it made or that was made on its variants. Rewritten atomically on every change.
 *
 * @param agent the agent's id
 * @param persona what it cares about
 * @param llm its LLM settings as strings (provider, model, …; never a key)
 * @param attempts every attempt, oldest first
 * @param notes what people told it (decisions on its requests, suggestions), oldest first
 */
public record AgentMemory(String agent, Persona persona, Map<String, String> llm, List<Attempt> attempts, List<Note> notes) {

    /** Version of the file format. */
    public static final int SCHEMA = 1;

    public AgentMemory {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(persona, "persona");
        llm = Map.copyOf(llm);
        attempts = List.copyOf(attempts);
        notes = List.copyOf(notes == null ? List.of() : notes);
    }

    public AgentMemory(String agent, Persona persona, Map<String, String> llm, List<Attempt> attempts) {
        this(agent, persona, llm, attempts, List.of());
    }

    /** This memory with one more attempt. */
    public AgentMemory with(Attempt attempt) {
        List<Attempt> more = new ArrayList<>(attempts);
        more.add(attempt);
        return new AgentMemory(agent, persona, llm, more, notes);
    }

    /** This memory with one more note, or unchanged when it has a note with that id. */
    public AgentMemory with(Note note) {
        if (knows(note.id())) {
            return this;
        }
        List<Note> more = new ArrayList<>(notes);
        more.add(note);
        return new AgentMemory(agent, persona, llm, attempts, more);
    }

    /** Whether it has a note with this id. */
    public boolean knows(String noteId) {
        return notes.stream().anyMatch(n -> n.id().equals(noteId));
    }

    /** Writes the file atomically. */
    public void save(Path file, ObjectMapper json) {
        JsonFiles.write(file, json, SCHEMA, this);
    }

    /**
     * Reads a memory file.
     *
     * @throws MemoryFormatException naming the file when it is not a memory file of a schema this
     *     darwin reads
     */
    public static AgentMemory load(Path file, ObjectMapper json) {
        return JsonFiles.read(file, json, SCHEMA, AgentMemory.class, "an agent memory");
    }
}
