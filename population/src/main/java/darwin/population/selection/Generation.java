package darwin.population.selection;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A population as reports show it: its Pareto front and its best member by perplexity.
 *
 * <p>Both are computed from the working members alone and draw no random number: the front is a
 * set, whatever order the members come in, and the best member's ties are broken by MFU, then by
 * the members' order.
 *
 * @param members the members: each agent with the variant it owns
 */
public record Generation(List<Member> members) {

    public Generation {
        members = List.copyOf(members);
    }

    /**
     * The members whose variants no working variant of the population dominates (front 0 of the
     * working variants), in the members' order; every owner of such a variant is listed. Empty
     * when nothing works.
     */
    public List<Member> paretoFront() {
        return paretoFront(Significance.NONE);
    }

    /**
     * The members whose variants no working variant of the population significantly dominates,
     * in the members' order: the front as far as the noise tells. Empty when nothing works.
     */
    public List<Member> paretoFront(Significance significance) {
        List<Candidate> working = Candidates.distinct(members).stream()
                .filter(candidate -> candidate.fitness().works()).toList();
        Set<String> front = ParetoFronts.rank(working, significance).stream()
                .filter(standing -> standing.front() == 0)
                .map(Standing::variant)
                .collect(Collectors.toSet());
        return members.stream().filter(member -> front.contains(member.variant())).toList();
    }

    /** The working member of lowest perplexity (then of highest MFU, then the first); empty when nothing works. */
    public Optional<Member> best() {
        return members.stream()
                .filter(member -> member.fitness().works())
                .min(Comparator.comparingDouble((Member member) -> member.fitness().perplexity())
                        .thenComparing(Comparator.comparingDouble((Member member) -> member.fitness().mfu()).reversed()));
    }
}
