package darwin.population.selection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Who owns which selected variant, by the rules that {@link Survivors} states. */
final class Ownership {

    private Ownership() {}

    /**
     * Each agent of the current members with the selected variant it owns next.
     *
     * @param members the current members
     * @param offspring the offspring, each with its proposer
     * @param selected the selected variants, best first; no more than there are agents
     * @return one member per agent, in the members' order
     */
    static List<Member> assign(List<Member> members, List<Member> offspring, List<Standing> selected) {
        Map<String, Standing> byVariant = new LinkedHashMap<>();
        selected.forEach(standing -> byVariant.put(standing.variant(), standing));
        Map<String, Set<String>> proposed = new HashMap<>();
        offspring.forEach(child -> proposed.computeIfAbsent(child.agent(), agent -> new HashSet<>()).add(child.variant()));

        Map<String, String> owned = new LinkedHashMap<>();
        members.forEach(member -> owned.put(member.agent(), null));
        Set<String> taken = new HashSet<>();
        // holders: a surviving variant stays with its first owner
        for (Member member : members) {
            if (byVariant.containsKey(member.variant()) && taken.add(member.variant())) {
                owned.put(member.agent(), member.variant());
            }
        }
        // proposers: the best ownerless offspring of one's own
        for (Member member : members) {
            Set<String> own = proposed.getOrDefault(member.agent(), Set.of());
            if (owned.get(member.agent()) == null) {
                firstUntaken(byVariant.keySet(), taken, own::contains).ifPresent(variant -> {
                    taken.add(variant);
                    owned.put(member.agent(), variant);
                });
            }
        }
        // heirs: the best ownerless variant
        for (Member member : members) {
            if (owned.get(member.agent()) == null) {
                firstUntaken(byVariant.keySet(), taken, variant -> true).ifPresent(variant -> {
                    taken.add(variant);
                    owned.put(member.agent(), variant);
                });
            }
        }
        // sharing: one's own if it survived, else the best
        String best = selected.getFirst().variant();
        List<Member> next = new ArrayList<>(members.size());
        for (Member member : members) {
            String variant = owned.get(member.agent());
            if (variant == null) {
                variant = byVariant.containsKey(member.variant()) ? member.variant() : best;
            }
            next.add(new Member(member.agent(), variant, byVariant.get(variant).fitness()));
        }
        return List.copyOf(next);
    }

    private static Optional<String> firstUntaken(Set<String> variants, Set<String> taken,
            Predicate<String> wanted) {
        return variants.stream().filter(variant -> !taken.contains(variant) && wanted.test(variant)).findFirst();
    }
}
