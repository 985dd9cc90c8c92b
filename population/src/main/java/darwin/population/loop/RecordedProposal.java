package darwin.population.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.Change;
import darwin.core.Proposal;
import darwin.core.RequestKind;
import darwin.core.UpgradeRequest;
import darwin.core.Variant;
import darwin.population.selection.Pairing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A proposal as the ledger records it: enough to resume without asking again, the upgrade request
 * it carried included (it is filed after every proposal of the generation is in, in slot order).
 */
record RecordedProposal(String key, int generation, int slot, String agent, String target, String owner, String status,
        String reason, String child, String summary, String reasoning, List<String> tags, long inputTokens,
        long outputTokens, double cost, UpgradeRequest request) {

    RecordedProposal {
        tags = List.copyOf(tags);
    }

    static RecordedProposal of(String key, int g, int slot, Pairing pairing, Proposal proposal) {
        Optional<Change> change = proposal.change();
        return new RecordedProposal(key, g, slot, pairing.mutator(), pairing.target(), pairing.owner(),
                proposal.status().name(), proposal.reason(), proposal.child().map(Variant::id).orElse(null),
                change.map(Change::summary).orElse(""), change.map(Change::reasoning).orElse(""),
                change.map(Change::tags).orElse(List.of()), proposal.inputTokens(), proposal.outputTokens(), proposal.cost(),
                change.flatMap(Change::request).orElse(null));
    }

    static RecordedProposal of(JsonNode data) {
        List<String> tags = new ArrayList<>();
        data.path("tags").forEach(t -> tags.add(t.asText()));
        JsonNode asked = data.path("request");
        UpgradeRequest request = asked.isObject()
                ? new UpgradeRequest(RequestKind.valueOf(asked.path("kind").asText()), asked.path("title").asText(),
                        asked.path("rationale").asText(), asked.path("payload").asText())
                : null;
        return new RecordedProposal(data.path("key").asText(), data.path("generation").asInt(), data.path("slot").asInt(),
                data.path("agent").asText(), data.path("target").asText(), data.path("owner").asText(),
                data.path("status").asText(), data.path("reason").asText(),
                data.hasNonNull("child") ? data.path("child").asText() : null, data.path("summary").asText(),
                data.path("reasoning").asText(), tags, data.path("inputTokens").asLong(), data.path("outputTokens").asLong(),
                data.path("cost").asDouble(), request);
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode node = json.valueToTree(this);
        if (request == null) {
            node.remove("request");
        }
        return node;
    }
}
