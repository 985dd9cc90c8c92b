package darwin.memory.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import darwin.memory.RunState;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A generation's selection ({@code SELECTION}): who survives and owns what, and what a resume
 * needs to replay the next generation's decisions. Once per generation.
 *
 * @param generation the generation selected
 * @param budget the key of the budget it ran at ({@code ""} in lines of darwin before budgets could change)
 * @param members the next population: each agent and the variant it owns
 * @param elites the elites' ids, best first
 * @param replicates how many replicates each variant counted when the generation ended, by id
 *     (empty in older lines)
 * @param noise the noise the generation judged by, {@code null} in older lines (then left out)
 */
public record Selected(int generation, String budget, List<RunState.Member> members, List<String> elites,
        Map<String, Integer> replicates, @JsonInclude(JsonInclude.Include.NON_NULL) Judged noise) implements LedgerEvent {

    public Selected {
        budget = Objects.requireNonNullElse(budget, "");
        members = members == null ? List.of() : List.copyOf(members);
        elites = elites == null ? List.of() : List.copyOf(elites);
        replicates = Collections.unmodifiableMap(new TreeMap<>(replicates == null ? Map.of() : replicates));
        if (replicates.values().stream().anyMatch(n -> n == null || n < 1)) {
            throw new IllegalArgumentException("a variant counts at least one replicate: " + replicates);
        }
    }

    /** The identity of generation {@code generation}'s selection. */
    public static String identity(int generation) {
        return Integer.toString(generation);
    }

    @Override
    public Optional<String> identity() {
        return Optional.of(identity(generation));
    }

    /** The variants of the next population, in the members' order (a variant twice when two agents own it). */
    public List<String> variants() {
        return members.stream().map(RunState.Member::variant).toList();
    }

    /**
     * The noise a generation judged by: the pooled spread of the held-out loss and of the log of
     * MFU, each with its degrees of freedom, and the margin.
     *
     * @param lossSd the spread of the held-out loss
     * @param lossDegreesOfFreedom what it rests on
     * @param logMfuSd the spread of the log of MFU
     * @param logMfuDegreesOfFreedom what it rests on
     * @param margin how many standard errors apart two figures must be
     */
    public record Judged(double lossSd, int lossDegreesOfFreedom, double logMfuSd, int logMfuDegreesOfFreedom,
            double margin) {}
}
