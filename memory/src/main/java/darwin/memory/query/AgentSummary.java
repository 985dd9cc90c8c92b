package darwin.memory.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.Persona;
import darwin.memory.AgentMemory;
import darwin.memory.Attempt;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One agent at a glance: who it is, which LLM it asks, how many attempts it made and received, and
 * the best it achieved.
 *
 * @param agent the agent's id
 * @param persona its persona
 * @param llm its LLM settings (provider, model, …)
 * @param made attempts it proposed
 * @param received attempts other agents made on its variants
 * @param best of its measured attempts, the one with the lowest perplexity change (which may be a
 *     rise, when none improved, or within the noise: {@link Change} says); {@code null} when none was measured
 */
public record AgentSummary(String agent, Persona persona, Map<String, String> llm, int made, int received, Attempt best) {

    public AgentSummary {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(persona, "persona");
        llm = Map.copyOf(llm);
        if (made < 0 || received < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (best != null && !best.mutator().equals(agent)) {
            throw new IllegalArgumentException("an agent's best attempt is one it made, not one by " + best.mutator());
        }
    }

    /** The summary of one agent, counted over every attempt of the run (each once). */
    public static AgentSummary of(AgentMemory memory, List<Attempt> attempts) {
        String id = memory.agent();
        List<Attempt> made = attempts.stream().filter(a -> a.mutator().equals(id)).toList();
        long received = attempts.stream().filter(a -> a.owner().equals(id) && !a.mutator().equals(id)).count();
        Attempt best = made.stream().filter(AttemptStats::measured)
                .min(Comparator.comparingDouble(AttemptStats::perplexityChange)).orElse(null);
        return new AgentSummary(id, memory.persona(), memory.llm(), made.size(), (int) received, best);
    }

    /** {@code provider/model}, or the provider alone when no model is named ({@code offline}). */
    public String llmLabel() {
        String provider = llm.getOrDefault("provider", "");
        String model = llm.getOrDefault("model", "");
        if (model.isBlank()) {
            return provider.isBlank() ? "-" : provider;
        }
        return provider.isBlank() ? model : provider + "/" + model;
    }

    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode node = json.createObjectNode().put("agent", agent).put("persona", persona.name())
                .put("llm", llmLabel()).put("made", made).put("received", received);
        node.set("llmSettings", json.valueToTree(new TreeMap<>(llm)));
        node.set("best", Json.example(json, best));
        return node;
    }
}
