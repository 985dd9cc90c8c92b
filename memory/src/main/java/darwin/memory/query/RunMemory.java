package darwin.memory.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.memory.AgentMemory;
import darwin.memory.Attempt;
import darwin.memory.MemoryFormatException;
import darwin.memory.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run remembers, read once for questions: every agent's memory file, and every attempt
 * once. An attempt is stored in the mutator's file and in the target owner's; here it appears once,
 * by its proposal key, taken from the mutator's file where that holds it.
 *
 * <p>Reading a live run is safe: memory files are replaced by an atomic rename, so each file is read
 * whole, old or new. A file written between two reads may hold an attempt the other does not yet;
 * the union is taken, so nothing recorded before the read is missed.
 *
 * @param run the run's folder
 * @param agents every agent's memory, by agent id
 * @param attempts every attempt once, in {@link Attempts#ORDER}
 */
public record RunMemory(RunDirectory run, List<AgentMemory> agents, List<Attempt> attempts) {

    public RunMemory {
        Objects.requireNonNull(run, "run");
        agents = List.copyOf(agents);
        attempts = List.copyOf(attempts);
    }

    /**
     * Reads the memory files of the run in {@code dir}.
     *
     * @throws IllegalArgumentException when {@code dir} is missing or holds no run
     * @throws MemoryFormatException naming a memory file that cannot be read (and its line, for bad JSON)
     */
    public static RunMemory open(Path dir, ObjectMapper json) {
        RunDirectory run = new RunDirectory(dir).requireRun();
        List<AgentMemory> agents = new ArrayList<>();
        if (Files.isDirectory(run.agents())) {
            try (var files = Files.list(run.agents())) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                    agents.add(AgentMemory.load(file, json));
                }
            } catch (IOException e) {
                throw new MemoryFormatException(run.agents(), 0, "cannot be listed: " + e.getMessage(), e);
            }
        }
        agents.sort(Comparator.comparing(AgentMemory::agent, Attempts.NATURAL));
        return new RunMemory(run, agents, once(agents));
    }

    /** The agent's memory; the id is matched ignoring case. */
    public Optional<AgentMemory> agent(String id) {
        return agents.stream().filter(a -> a.agent().equalsIgnoreCase(id.strip())).findFirst();
    }

    /** The attempt with this proposal key ({@code g3-s1}); the key is matched ignoring case. */
    public Optional<Attempt> attempt(String key) {
        return attempts.stream().filter(a -> a.proposal().equalsIgnoreCase(key.strip())).findFirst();
    }

    /** Every attempt once, by proposal key; the mutator's own record wins over the owner's copy. */
    static List<Attempt> once(List<AgentMemory> agents) {
        Map<String, Attempt> byKey = new LinkedHashMap<>();
        for (AgentMemory memory : agents) {
            for (Attempt attempt : memory.attempts()) {
                if (!byKey.containsKey(attempt.proposal()) || memory.agent().equals(attempt.mutator())) {
                    byKey.put(attempt.proposal(), attempt);
                }
            }
        }
        return byKey.values().stream().sorted(Attempts.ORDER).toList();
    }
}
