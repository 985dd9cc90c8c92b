package darwin.mutation.catalog;

import darwin.core.Change;
import darwin.core.Metrics;
import darwin.core.Persona;
import darwin.core.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * The offline mutator: proposes one applicable catalog entry not yet tried on the target's
 * lineage, as a {@link Change}, when no LLM is configured.
 *
 * <p>Choice: the candidates are the entries, in catalog order, that are not in the lineage's tried
 * set and that apply to the target. Each has weight 1, or {@value #PREFERENCE} when one of its
 * tags is among the persona's interests, and one draw of the caller's random generator picks
 * among them in proportion to their weights: a throughput engineer mostly, not only, proposes
 * throughput entries. With no candidate the outcome is {@link CatalogOutcome.Exhausted}.
 *
 * <p>Determinism: the mutator keeps no state and draws exactly one number per proposal from the
 * generator it is given, so the same catalog, inputs and seed give the same proposal.
 *
 * <p>Metrics: the target's latest metrics, when there are any, are quoted in the reasoning so that
 * the change's record says what it started from; they do not steer the choice.
 */
public final class CatalogMutator {

    /** The weight of an entry that matches the persona's interests, against 1 for any other. */
    public static final double PREFERENCE = 4.0;

    private final Catalog catalog;

    public CatalogMutator(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** A mutator over the {@linkplain Catalog#standard() standard catalog}. */
    public static CatalogMutator standard() {
        return new CatalogMutator(Catalog.standard());
    }

    public Catalog catalog() {
        return catalog;
    }

    /**
     * Proposes a change to the target.
     *
     * @param target the variant to change
     * @param latest the target's latest metrics, if it was evaluated
     * @param persona the mutating agent
     * @param tried ids of the entries already tried on this lineage
     * @param random the run's one source of randomness
     */
    public CatalogOutcome propose(Variant target, Optional<Metrics> latest, Persona persona, Set<String> tried,
            RandomGenerator random) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(persona, "persona");
        Objects.requireNonNull(tried, "tried");
        Objects.requireNonNull(random, "random");
        List<CatalogEntry> open = catalog.entries().stream().filter(entry -> !tried.contains(entry.id())).toList();
        List<Candidate> candidates = new ArrayList<>();
        for (CatalogEntry entry : open) {
            entry.plan(target).ifPresent(plan ->
                    candidates.add(new Candidate(entry, plan, likes(persona, entry) ? PREFERENCE : 1.0)));
        }
        if (candidates.isEmpty()) {
            int triedHere = catalog.entries().size() - open.size();
            return new CatalogOutcome.Exhausted(String.format(Locale.ROOT,
                    "no catalog entry left for %s: %d tried on this lineage, %d not applicable to its code",
                    target.id(), triedHere, open.size()), triedHere, open.size());
        }
        Candidate chosen = draw(candidates, random);
        CatalogEntry entry = chosen.entry();
        Change change = new Change(reasoning(entry, chosen.plan(), target, latest, persona), entry.summary(),
                entry.labels(), chosen.plan().edits(), Optional.empty());
        return new CatalogOutcome.Proposal(entry.id(), change);
    }

    private static Candidate draw(List<Candidate> candidates, RandomGenerator random) {
        double total = candidates.stream().mapToDouble(Candidate::weight).sum();
        double point = random.nextDouble() * total;
        for (Candidate candidate : candidates) {
            point -= candidate.weight();
            if (point < 0) {
                return candidate;
            }
        }
        return candidates.getLast();
    }

    private static String reasoning(CatalogEntry entry, Recipe.Plan plan, Variant target, Optional<Metrics> latest,
            Persona persona) {
        StringBuilder text = new StringBuilder(entry.reasoning());
        if (!plan.detail().isEmpty()) {
            text.append("\n\nIn this variant: ").append(plan.detail()).append('.');
        }
        text.append("\n\n").append(latest.map(metrics -> String.format(Locale.ROOT,
                "The target %s measured a held-out loss of %.4f (perplexity %.2f) after %d steps, at an MFU of %.2f%%.",
                target.id(), metrics.valLoss(), metrics.perplexity(), metrics.steps(), 100 * metrics.mfu()))
                .orElse("The target " + target.id() + " has no measurement yet."));
        text.append(" Proposed offline from the catalog (entry ").append(entry.id()).append(") by the ")
                .append(persona.name());
        if (likes(persona, entry)) {
            text.append(", whose interests include ").append(String.join(", ", entry.labels().stream()
                    .filter(interests(persona)::contains).toList()));
        }
        return text.append('.').toString();
    }

    /** Whether any of an entry's tags is one of the persona's interests (compared in lower case). */
    static boolean likes(Persona persona, CatalogEntry entry) {
        Set<String> interests = interests(persona);
        return entry.tags().stream().anyMatch(tag -> interests.contains(tag.label()));
    }

    private static Set<String> interests(Persona persona) {
        return persona.interests().stream().map(tag -> tag.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** An applicable entry, its plan for the target, and its weight in the draw. */
    private record Candidate(CatalogEntry entry, Recipe.Plan plan, double weight) {}
}
