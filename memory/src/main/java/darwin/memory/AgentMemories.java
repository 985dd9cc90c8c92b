package darwin.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Persona;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every agent's memory in a run: loaded from {@code agents/} on open, rewritten atomically on
 * every new attempt. An attempt is remembered by the agent that made it and by the owner of the
 * variant it changed (once when they are the same).
 *
 * <p>Concurrency: one writer per run; methods are synchronized.
 */
public final class AgentMemories {

    private final RunDirectory run;
    private final ObjectMapper json;
    private final Map<String, AgentMemory> memories = new TreeMap<>();

    /** Opens the memories of a run, reading every file under {@code agents/}. */
    public AgentMemories(RunDirectory run, ObjectMapper json) {
        this.run = run;
        this.json = json;
        if (Files.isDirectory(run.agents())) {
            try (var files = Files.list(run.agents())) {
                files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(file -> {
                    AgentMemory memory = AgentMemory.load(file, json);
                    memories.put(memory.agent(), memory);
                });
            } catch (IOException e) {
                throw new MemoryFormatException(run.agents(), 0, "cannot be listed: " + e.getMessage(), e);
            }
        }
    }

    /** Creates the agent's memory file if it has none. */
    public synchronized AgentMemory enrol(String agent, Persona persona, Map<String, String> llm) {
        AgentMemory memory = memories.get(agent);
        if (memory == null) {
            memory = new AgentMemory(agent, persona, llm, List.of());
            memory.save(run.agent(agent), json);
            memories.put(agent, memory);
        }
        return memory;
    }

    /** Records an attempt in the mutator's memory and in the owner's. */
    public synchronized void record(Attempt attempt) {
        remember(attempt.mutator(), attempt);
        if (!attempt.owner().isEmpty() && !attempt.owner().equals(attempt.mutator())) {
            remember(attempt.owner(), attempt);
        }
    }

    /** Gives an agent a note once (a note with the same id is not given twice). */
    public synchronized void note(String agent, Note note) {
        AgentMemory memory = Objects.requireNonNull(memories.get(agent), () -> "agent " + agent + " is not enrolled");
        if (!memory.knows(note.id())) {
            AgentMemory updated = memory.with(note);
            updated.save(run.agent(agent), json);
            memories.put(agent, updated);
        }
    }

    /** Whether a proposal was already recorded (a resumed run must not record it twice). */
    public synchronized boolean knows(String agent, String proposal) {
        AgentMemory memory = memories.get(agent);
        return memory != null && memory.attempts().stream().anyMatch(a -> a.proposal().equals(proposal));
    }

    public synchronized AgentMemory get(String agent) {
        AgentMemory memory = memories.get(agent);
        if (memory == null) {
            throw new IllegalArgumentException("no agent '" + agent + "' in this run; the agents are " + memories.keySet());
        }
        return memory;
    }

    public synchronized Map<String, AgentMemory> all() {
        return Map.copyOf(memories);
    }

    private void remember(String agent, Attempt attempt) {
        AgentMemory memory = Objects.requireNonNull(memories.get(agent), () -> "agent " + agent + " is not enrolled");
        AgentMemory updated = memory.with(attempt);
        updated.save(run.agent(agent), json);
        memories.put(agent, updated);
    }
}
