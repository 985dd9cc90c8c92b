package darwin.mutation.catalog;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The mutating agent as the catalog sees it: who it is and what kinds of change interest it
 * (tags such as {@code throughput} or {@code optimizer}; words that are not {@linkplain
 * CatalogTag tags} are kept but match nothing).
 *
 * @param agentId the agent's id
 * @param interests tags, compared without regard to case
 */
public record Persona(String agentId, Set<String> interests) {

    public Persona {
        if (agentId == null || agentId.isBlank()) {
            throw new IllegalArgumentException("a persona needs the agent's id");
        }
        agentId = agentId.strip();
        interests = interests == null ? Set.of() : interests.stream()
                .map(tag -> tag.strip().toLowerCase(Locale.ROOT))
                .filter(tag -> !tag.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether any of an entry's tags is one of this agent's interests. */
    public boolean likes(CatalogEntry entry) {
        return entry.tags().stream().anyMatch(tag -> interests.contains(tag.label()));
    }
}
