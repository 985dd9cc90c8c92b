package darwin.population.selection;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome of {@link Selector#select}: the variants that won places, and the variant each agent
 * owns next.
 *
 * <p>Places. There are {@code size} places, each for a distinct variant of the current members
 * and the offspring.
 * <ol>
 *   <li><b>Elites</b>: the strategy's best {@code elites} working variants among the current
 *       members, ranked among those members alone (as they stood when the generation began), take
 *       places first and survive unchanged.</li>
 *   <li><b>The rest</b> go in the strategy's order over every candidate of the generation, current
 *       members and offspring ranked together (Deb's R = P ∪ Q): for NSGA-II, whole fronts while
 *       they fit, then the largest crowding distances of the next front.</li>
 *   <li><b>Incumbents first</b>: in that order, an offspring goes ahead of a current member only
 *       when the strategy {@linkplain Selector#separated separates} the two at the significance:
 *       a child displaces a current member only by more than the margin. Step by step, the next
 *       place goes to the first candidate in the strategy's order that is a current member or an
 *       offspring separated from every current member not yet placed; an offspring the noise
 *       cannot tell from a member holds back no other offspring. With
 *       {@link Significance#NONE}, only an exact tie is not separated.</li>
 *   <li><b>Failures</b> take no place while any candidate works: places that working variants
 *       cannot fill stay empty, and agents share variants instead of owning broken ones. When
 *       nothing works, failures fill the places in the strategy's order, which is random among
 *       them.</li>
 * </ol>
 *
 * <p>Ownership. Every agent owns exactly one selected variant afterwards, and every selected
 * variant at least one agent (there are no more places than agents). Agents are taken in the
 * order of the current members, at each step:
 * <ol>
 *   <li><b>Holders</b>: a selected variant that current members owned stays with the first of
 *       them. An agent that owned a surviving variant alone, an elite's owner in particular, keeps
 *       it.</li>
 *   <li><b>Proposers</b>: an agent without a variant takes the best selected offspring it
 *       proposed that nobody owns yet.</li>
 *   <li><b>Heirs</b>: an agent still without one takes the best selected variant that nobody owns
 *       yet.</li>
 *   <li><b>Sharing</b>: an agent still without one keeps its own variant if it was selected (it
 *       shared it with the holder), else joins the owners of the best selected variant. Several
 *       agents own one variant when the generation has fewer distinct good variants than
 *       agents.</li>
 * </ol>
 * A co-owner of a surviving variant thus moves only to a selected variant that would otherwise
 * have no owner.
 *
 * @param members each agent with the variant it owns next, in the order of the current members
 * @param selected the variants that won places, best first in the strategy's order over the whole
 *        generation
 * @param elites the ids of the elites, best first; each is among {@code selected}
 */
public record Survivors(List<Member> members, List<Standing> selected, List<String> elites) {

    public Survivors {
        members = List.copyOf(members);
        selected = List.copyOf(selected);
        elites = List.copyOf(elites);
        Set<String> places = selected.stream().map(Standing::variant).collect(Collectors.toSet());
        if (places.size() != selected.size()) {
            throw new IllegalArgumentException("a variant has one place at most");
        }
        if (!places.containsAll(elites)) {
            throw new IllegalArgumentException("every elite has a place");
        }
        for (Member member : members) {
            if (!places.contains(member.variant())) {
                throw new IllegalArgumentException("agent " + member.agent() + " owns " + member.variant()
                        + ", which has no place");
            }
        }
        if (members.stream().map(Member::agent).distinct().count() != members.size()) {
            throw new IllegalArgumentException("an agent owns one variant");
        }
    }

    /** The variant an agent owns next. */
    public Optional<String> variantOf(String agent) {
        Objects.requireNonNull(agent, "agent");
        return members.stream().filter(member -> member.agent().equals(agent)).map(Member::variant).findFirst();
    }

    /** The agents that own a variant next, in the order of the members. */
    public List<String> owners(String variant) {
        Objects.requireNonNull(variant, "variant");
        return members.stream().filter(member -> member.variant().equals(variant)).map(Member::agent).toList();
    }
}
