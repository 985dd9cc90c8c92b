package darwin.memory.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.memory.Attempt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which changes went with improvement: the {@link AttemptStats} of all attempts, of each tag and of
 * each mutating agent. An attempt with several tags counts under each; one without tags under
 * {@value #UNTAGGED}.
 *
 * <p>Tags come most promising first: by mean perplexity change (lowest first), those with no
 * measured attempt last, ties by name. Agents come in their natural order ({@code agent-2} before
 * {@code agent-10}).
 *
 * @param all every attempt
 * @param byTag one entry per tag
 * @param byAgent one entry per mutating agent
 */
public record MemoryStats(AttemptStats all, List<AttemptStats> byTag, List<AttemptStats> byAgent) {

    /** What the figures mean, in words for people: the stages of {@link Stage}, the verdicts, and how shares and means are taken. */
    public static final String DEFINITIONS = """
            compiled: a program came of the proposal and compiled (PROPOSED, or any evaluation status but COMPILE_ERROR);
            trained: it trained within the budget and was measured (status OK);
            measured (n): it trained and the variant it changed was measured too, so there is a change;
            improved: its held-out perplexity fell beyond the run's noise (verdict better); an attempt of a run that kept
            no replicates counts when its single draw fell, and is unjudged;
            better / worse / within noise: how the measured attempts' perplexity changed, judged by the 95% interval of
            each against the noise measured from replicates; a change within noise (marked ~) shows nothing either way;
            (+k n=1): k more measured once each side by a run that kept no replicates, unjudged.
            Shares are of all the group's attempts; perplexity and MFU are mean relative changes (%) over the measured
            attempts, ± half the 95% interval of that mean (Student's t over the attempts; none for n=1); best and worst
            are by perplexity change.""";

    /** The group of attempts that carry no tag. */
    public static final String UNTAGGED = "(untagged)";

    /** How tags are ordered: lowest mean perplexity change first, unmeasured last, then by name. */
    static final Comparator<AttemptStats> PROMISING_FIRST = Comparator
            .comparingDouble((AttemptStats s) -> Double.isNaN(s.meanPerplexityChange()) ? Double.POSITIVE_INFINITY
                    : s.meanPerplexityChange())
            .thenComparing(AttemptStats::group, Attempts.NATURAL);

    public MemoryStats {
        Objects.requireNonNull(all, "all");
        byTag = List.copyOf(byTag);
        byAgent = List.copyOf(byAgent);
    }

    /** The statistics of these attempts (each once, as {@link RunMemory#attempts()} gives them). */
    public static MemoryStats of(List<Attempt> attempts) {
        Map<String, List<Attempt>> tags = new TreeMap<>();
        Map<String, List<Attempt>> agents = new TreeMap<>(Attempts.NATURAL);
        for (Attempt attempt : attempts) {
            List<String> own = attempt.tags().isEmpty() ? List.of(UNTAGGED) : attempt.tags().stream().distinct().toList();
            own.forEach(tag -> tags.computeIfAbsent(tag, t -> new ArrayList<>()).add(attempt));
            agents.computeIfAbsent(attempt.mutator(), a -> new ArrayList<>()).add(attempt);
        }
        List<AttemptStats> byTag = tags.entrySet().stream().map(e -> AttemptStats.of(e.getKey(), e.getValue()))
                .sorted(PROMISING_FIRST).toList();
        List<AttemptStats> byAgent = agents.entrySet().stream().map(e -> AttemptStats.of(e.getKey(), e.getValue())).toList();
        return new MemoryStats(AttemptStats.of("all", attempts), byTag, byAgent);
    }

    /** {@code {"all": {…}, "byTag": […], "byAgent": […]}}. */
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.set("all", all.toJson(json));
        var tags = node.putArray("byTag");
        byTag.forEach(s -> tags.add(s.toJson(json)));
        var agents = node.putArray("byAgent");
        byAgent.forEach(s -> agents.add(s.toJson(json)));
        return node;
    }
}
