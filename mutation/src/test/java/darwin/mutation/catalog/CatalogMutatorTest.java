package darwin.mutation.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Change;
import darwin.core.Metrics;
import darwin.core.Persona;
import darwin.core.Variant;
import darwin.trainer.build.Compilation;
import darwin.trainer.variant.SeedVariant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class CatalogMutatorTest {

    private static final Variant SEED = SeedVariant.variant();
    private static final CatalogMutator MUTATOR = CatalogMutator.standard();
    private static final Persona NOBODY_IN_PARTICULAR = new Persona("generalist", "", List.of());
    private static final Persona THROUGHPUT_ENGINEER = new Persona("throughput engineer", "", List.of("Throughput"));

    /** Proposes and applies entries on one lineage until the catalog is exhausted. */
    private static List<String> lineage(long seed, List<Variant> variants) {
        RandomGenerator random = new SplittableRandom(seed);
        Variant current = SEED;
        Set<String> tried = new HashSet<>();
        List<String> proposed = new ArrayList<>();
        while (MUTATOR.propose(current, Optional.empty(), NOBODY_IN_PARTICULAR, tried, random)
                instanceof CatalogOutcome.Proposal proposal) {
            assertFalse(tried.contains(proposal.entryId()), "proposed again: " + proposal.entryId());
            tried.add(proposal.entryId());
            proposed.add(proposal.entryId());
            current = ExactEdits.apply(current, proposal.change().edits());
        }
        variants.add(current);
        return proposed;
    }

    @Test
    void theSameSeedGivesTheSameLineage() {
        List<Variant> variants = new ArrayList<>();
        List<String> first = lineage(42, variants);
        List<String> again = lineage(42, variants);
        assertEquals(first, again);
        assertEquals(variants.get(0).id(), variants.get(1).id());
        assertNotEquals(first, lineage(43, variants), "another seed, another order");
    }

    @Test
    void aLineageTriesEachEntryOnceAndTheResultCompiles() {
        List<Variant> variants = new ArrayList<>();
        List<String> proposed = lineage(7, variants);
        assertEquals(Set.copyOf(proposed).size(), proposed.size());
        assertTrue(proposed.size() >= 14, proposed.toString());
        Compilation compilation = VariantTraining.compile(variants.getFirst());
        assertTrue(compilation.succeeded(), proposed + "\n" + compilation.report());
    }

    @Test
    void neverProposesAnEntryAlreadyTried() {
        List<String> ids = MUTATOR.catalog().entries().stream().map(CatalogEntry::id).toList();
        SplittableRandom subsets = new SplittableRandom(3);
        for (int round = 0; round < 200; round++) {
            Set<String> tried = new HashSet<>();
            ids.forEach(id -> {
                if (subsets.nextInt(3) > 0) {
                    tried.add(id);
                }
            });
            CatalogOutcome outcome = MUTATOR.propose(SEED, Optional.empty(), THROUGHPUT_ENGINEER, tried,
                    new SplittableRandom(round));
            if (outcome instanceof CatalogOutcome.Proposal proposal) {
                assertFalse(tried.contains(proposal.entryId()), proposal.entryId() + " was tried: " + tried);
            } else {
                assertEquals(Set.copyOf(ids), tried);
            }
        }
    }

    @Test
    void prefersEntriesThatMatchThePersona() {
        int draws = 400;
        int matchingForEngineer = 0;
        int matchingForOthers = 0;
        for (int seed = 0; seed < draws; seed++) {
            matchingForEngineer += throughput(MUTATOR.propose(SEED, Optional.empty(), THROUGHPUT_ENGINEER, Set.of(),
                    new SplittableRandom(seed))) ? 1 : 0;
            matchingForOthers += throughput(MUTATOR.propose(SEED, Optional.empty(), NOBODY_IN_PARTICULAR, Set.of(),
                    new SplittableRandom(seed))) ? 1 : 0;
        }
        long throughputEntries = MUTATOR.catalog().entries().stream()
                .filter(entry -> entry.tags().contains(CatalogTag.THROUGHPUT)).count();
        int entries = MUTATOR.catalog().entries().size();
        double expected = CatalogMutator.PREFERENCE * throughputEntries
                / (CatalogMutator.PREFERENCE * throughputEntries + entries - throughputEntries);
        assertEquals(expected, matchingForEngineer / (double) draws, 0.08);
        assertEquals(throughputEntries / (double) entries, matchingForOthers / (double) draws, 0.08);
        assertTrue(matchingForEngineer > 2 * matchingForOthers, matchingForEngineer + " against " + matchingForOthers);
    }

    private static boolean throughput(CatalogOutcome outcome) {
        return outcome instanceof CatalogOutcome.Proposal proposal
                && proposal.change().tags().contains(CatalogTag.THROUGHPUT.label());
    }

    @Test
    void saysWhenEverythingWasTried() {
        Set<String> all = new HashSet<>();
        MUTATOR.catalog().entries().forEach(entry -> all.add(entry.id()));
        CatalogOutcome outcome = MUTATOR.propose(SEED, Optional.empty(), NOBODY_IN_PARTICULAR, all,
                new SplittableRandom(1));
        CatalogOutcome.Exhausted exhausted = assertInstanceOf(CatalogOutcome.Exhausted.class, outcome);
        assertEquals(all.size(), exhausted.tried());
        assertEquals(0, exhausted.notApplicable());
    }

    @Test
    void saysWhenNothingApplies() {
        Variant foreign = Variant.seed("other.Program", Map.of("program/other/Program.java", "package other; class Program {}"));
        CatalogOutcome outcome = MUTATOR.propose(foreign, Optional.empty(), NOBODY_IN_PARTICULAR, Set.of(),
                new SplittableRandom(1));
        CatalogOutcome.Exhausted exhausted = assertInstanceOf(CatalogOutcome.Exhausted.class, outcome);
        assertEquals(0, exhausted.tried());
        assertEquals(MUTATOR.catalog().entries().size(), exhausted.notApplicable());
        assertTrue(exhausted.reason().contains(foreign.id()), exhausted.reason());
    }

    @Test
    void theChangeCarriesTheEntryAndTheEvidence() {
        Metrics metrics = new Metrics(1.9123, Math.exp(1.9123), 0.031, 12000, 1_200_000, 1200, 804_096, 5e6, 1e11,
                70, 60, "cpu");
        CatalogOutcome.Proposal proposal = assertInstanceOf(CatalogOutcome.Proposal.class,
                MUTATOR.propose(SEED, Optional.of(metrics), THROUGHPUT_ENGINEER, Set.of(), new SplittableRandom(5)));
        CatalogEntry entry = MUTATOR.catalog().entry(proposal.entryId()).orElseThrow();
        Change change = proposal.change();
        assertEquals(entry.summary(), change.summary());
        assertEquals(entry.labels(), change.tags());
        assertEquals(entry.edits(SEED).orElseThrow(), change.edits());
        assertTrue(change.reasoning().startsWith(entry.reasoning()));
        assertTrue(change.reasoning().contains("1.9123") && change.reasoning().contains(SEED.id()), change.reasoning());
        assertTrue(change.request().isEmpty());
    }

    @Test
    void aConstantChangeSaysWhatItSets() {
        Catalog beta2Only = new Catalog(List.of(Catalog.standard().entry("beta2-095").orElseThrow()));
        CatalogOutcome.Proposal proposal = assertInstanceOf(CatalogOutcome.Proposal.class, new CatalogMutator(beta2Only)
                .propose(SEED, Optional.empty(), NOBODY_IN_PARTICULAR, Set.of(), new SplittableRandom(1)));
        assertTrue(proposal.change().reasoning().contains("beta2 0.99 → 0.95"), proposal.change().reasoning());
    }
}
