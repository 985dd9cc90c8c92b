package darwin.memory.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import darwin.core.UpgradeRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A mutation proposal ended ({@code PROPOSAL}), whatever its status: enough to resume without
 * asking again, the upgrade request it carried included (the loop files it after every proposal
 * of the generation is in, in slot order). Once per key.
 *
 * @param key the proposal's key: its generation and slot, {@code g3-s1}
 * @param generation the generation it belongs to
 * @param slot its slot in the generation
 * @param agent the mutating agent
 * @param target the variant it changed
 * @param owner the agent that owned the target
 * @param status a {@code ProposalStatus} name ({@code PROPOSED} when it gave a variant)
 * @param reason what happened, in words
 * @param child the new variant's id, {@code null} when it gave none (written as {@code null})
 * @param summary the change in one line, {@code ""} without one
 * @param reasoning why the agent made it
 * @param tags the change's tags
 * @param inputTokens LLM tokens sent
 * @param outputTokens LLM tokens received
 * @param cost what the LLM calls cost, in US dollars
 * @param request the upgrade the agent asked people for, {@code null} when none (left out)
 */
public record Proposed(String key, int generation, int slot, String agent, String target, String owner, String status,
        String reason, String child, String summary, String reasoning, List<String> tags, long inputTokens,
        long outputTokens, double cost, @JsonInclude(JsonInclude.Include.NON_NULL) UpgradeRequest request)
        implements LedgerEvent {

    public Proposed {
        Objects.requireNonNull(key, "key");
        agent = Objects.requireNonNullElse(agent, "");
        target = Objects.requireNonNullElse(target, "");
        owner = Objects.requireNonNullElse(owner, "");
        status = Objects.requireNonNullElse(status, "");
        reason = Objects.requireNonNullElse(reason, "");
        summary = Objects.requireNonNullElse(summary, "");
        reasoning = Objects.requireNonNullElse(reasoning, "");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The upgrade request it carried, if any. */
    public Optional<UpgradeRequest> upgrade() {
        return Optional.ofNullable(request);
    }

    @Override
    public Optional<String> identity() {
        return Optional.of(key);
    }
}
